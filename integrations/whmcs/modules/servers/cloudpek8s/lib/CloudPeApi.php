<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * The few Kubernetes objects the module touches, in the namespace of the WHMCS server:
 * the CloudPeServer it provisions through (read only), CloudPeVMs and their password Secrets.
 */
final class CloudPeApi
{
    private const GROUP_PATH = '/apis/cloudpe.io/v1alpha1/namespaces/';

    public function __construct(private readonly KubeClient $client)
    {
    }

    public function namespace(): string
    {
        return $this->client->connection()->namespace;
    }

    public function serverName(): string
    {
        return $this->client->connection()->serverName;
    }

    /** @return array<string, mixed> */
    public function getServer(): array
    {
        return $this->client->get($this->groupPath('cloudpeservers', $this->serverName()));
    }

    /** @return array<string, mixed> */
    public function getVm(string $name): array
    {
        return $this->client->get($this->groupPath('cloudpevms', $name));
    }

    /** @return array<string, mixed>|null the VM, or null when it does not exist */
    public function findVm(string $name): ?array
    {
        try {
            return $this->getVm($name);
        } catch (KubeException $e) {
            if ($e->isNotFound() && self::isObjectNotFound($e)) {
                return null;
            }
            throw $e;
        }
    }

    /**
     * @param array<string, mixed> $vm
     * @return array<string, mixed>
     */
    public function createVm(array $vm): array
    {
        return $this->client->create($this->groupPath('cloudpevms'), $vm);
    }

    /**
     * @param array<string, mixed> $patch
     * @return array<string, mixed>
     */
    public function patchVm(string $name, array $patch): array
    {
        return $this->client->mergePatch($this->groupPath('cloudpevms', $name), $patch);
    }

    /** @return bool false when the VM was already gone */
    public function deleteVm(string $name): bool
    {
        return $this->deleteIgnoringMissing($this->groupPath('cloudpevms', $name));
    }

    /**
     * @param array<string, mixed> $secret
     * @return array<string, mixed>
     */
    public function createSecret(array $secret): array
    {
        return $this->client->create($this->corePath('secrets'), $secret);
    }

    /**
     * Replaces a Secret's data only if it carries the given label value: the module may write
     * Secrets but not read them, so ownership is checked by the API server in the same request.
     *
     * @param array<string, string> $data
     * @return array<string, mixed>
     */
    public function replaceOwnedSecretData(string $name, string $label, string $value, array $data): array
    {
        return $this->client->jsonPatch($this->corePath('secrets', $name), [
            ['op' => 'test', 'path' => '/metadata/labels/' . str_replace(['~', '/'], ['~0', '~1'], $label), 'value' => $value],
            ['op' => 'replace', 'path' => '/data', 'value' => $data],
        ]);
    }

    /** @return bool false when the Secret was already gone */
    public function deleteSecret(string $name): bool
    {
        return $this->deleteIgnoringMissing($this->corePath('secrets', $name));
    }

    /**
     * A 404 for a missing object names it in details.name; a 404 without it means the resource
     * type itself is unknown (CRDs not installed), which must not pass for "already deleted".
     */
    public static function isObjectNotFound(KubeException $e): bool
    {
        return $e->reason() === 'NotFound' && is_string($e->status['details']['name'] ?? null) && $e->status['details']['name'] !== '';
    }

    private function deleteIgnoringMissing(string $path): bool
    {
        try {
            $this->client->delete($path);
            return true;
        } catch (KubeException $e) {
            if ($e->isNotFound() && self::isObjectNotFound($e)) {
                return false;
            }
            throw $e;
        }
    }

    private function groupPath(string $plural, ?string $name = null): string
    {
        return self::GROUP_PATH . rawurlencode($this->namespace()) . '/' . $plural . ($name === null ? '' : '/' . rawurlencode($name));
    }

    private function corePath(string $plural, ?string $name = null): string
    {
        return '/api/v1/namespaces/' . rawurlencode($this->namespace()) . '/' . $plural . ($name === null ? '' : '/' . rawurlencode($name));
    }
}
