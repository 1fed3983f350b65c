<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Maps a WHMCS service to its CloudPeVM and password Secret, and a CloudPeVM's status back to the
 * WHMCS custom fields and client-area values.
 */
final class VmMapper
{
    public const API_VERSION = 'cloudpe.io/v1alpha1';
    public const CLIENT_LABEL = 'cloudpe.io/whmcs-client-id';
    public const SERVICE_LABEL = 'cloudpe.io/whmcs-service-id';
    public const FIELD_VM_ID = 'VM ID';
    public const FIELD_IPV4 = 'Public IPv4';
    public const FIELD_IPV6 = 'Public IPv6';

    public static function vmName(int $serviceId): string
    {
        return 'whmcs-' . $serviceId;
    }

    public static function secretName(string $vmName): string
    {
        return $vmName . '-password';
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, string>
     */
    public static function labels(array $params): array
    {
        return [
            self::CLIENT_LABEL => (string) (int) ($params['userid'] ?? $params['clientsdetails']['userid'] ?? 0),
            self::SERVICE_LABEL => (string) self::serviceId($params),
        ];
    }

    /** @param array<string, mixed> $params */
    public static function serviceId(array $params): int
    {
        $id = (int) ($params['serviceid'] ?? 0);
        if ($id <= 0) {
            throw new ModuleError('WHMCS passed no service ID to the module.');
        }
        return $id;
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    public static function desiredVm(array $params, ProductSettings $settings, string $serverName, string $powerState = 'Running'): array
    {
        $name = self::vmName(self::serviceId($params));
        $spec = [
            'serverRef' => ['name' => $serverName],
            'flavor' => $settings->flavor,
            'image' => $settings->image,
            'network' => $settings->network,
            'ipMode' => $settings->ipMode,
            'volume' => array_filter(
                ['sizeGiB' => $settings->volumeSizeGiB, 'storagePolicy' => $settings->storagePolicy],
                static fn (mixed $v): bool => $v !== '',
            ),
            'powerState' => $powerState,
            'passwordSecretRef' => ['name' => self::secretName($name), 'key' => 'password'],
        ];
        $hostname = self::hostname((string) ($params['domain'] ?? ''));
        if ($hostname !== null) {
            $spec['hostname'] = $hostname;
        }
        if ($settings->securityGroup !== '') {
            $spec['securityGroup'] = $settings->securityGroup;
        }
        return [
            'apiVersion' => self::API_VERSION,
            'kind' => 'CloudPeVM',
            'metadata' => ['name' => $name, 'labels' => self::labels($params)],
            'spec' => $spec,
        ];
    }

    /**
     * @param array<string, mixed> $params
     * @return array<string, mixed>
     */
    public static function passwordSecret(array $params, string $password): array
    {
        return [
            'apiVersion' => 'v1',
            'kind' => 'Secret',
            'metadata' => ['name' => self::secretName(self::vmName(self::serviceId($params))), 'labels' => self::labels($params)],
            'type' => 'Opaque',
            'data' => ['password' => base64_encode($password)],
        ];
    }

    /**
     * The first label of the service's domain becomes the VM hostname when it is a valid RFC 1123
     * label (what spec.hostname accepts); anything else (empty, an IP, spaces) leaves the default,
     * the CloudPeVM name.
     */
    public static function hostname(string $domain): ?string
    {
        $domain = strtolower(trim($domain));
        if ($domain === '' || filter_var($domain, FILTER_VALIDATE_IP) !== false) {
            return null;
        }
        $label = explode('.', $domain)[0];
        return preg_match('/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/', $label) ? $label : null;
    }

    /**
     * @param array<string, mixed> $vm
     * @return array<string, string> custom field name => value
     */
    public static function customFields(array $vm): array
    {
        $status = self::status($vm);
        return [
            self::FIELD_VM_ID => self::str($status['vmId'] ?? null),
            self::FIELD_IPV4 => self::str($status['ipv4'] ?? null),
            self::FIELD_IPV6 => self::str($status['ipv6'] ?? null),
        ];
    }

    /** @param array<string, mixed> $vm */
    public static function phase(array $vm): string
    {
        $phase = self::str(self::status($vm)['phase'] ?? null);
        return $phase === '' ? 'Pending' : $phase;
    }

    /**
     * The console URL while it is still valid, else null.
     *
     * @param array<string, mixed> $vm
     */
    public static function consoleUrl(array $vm, \DateTimeImmutable $now): ?string
    {
        $console = self::status($vm)['console'] ?? null;
        if (!is_array($console) || self::str($console['url'] ?? null) === '') {
            return null;
        }
        $expires = self::str($console['expiresAt'] ?? null);
        if ($expires !== '') {
            try {
                if (new \DateTimeImmutable($expires) <= $now) {
                    return null;
                }
            } catch (\Exception) {
                return null;
            }
        }
        $url = self::str($console['url']);
        return preg_match('#^https?://#i', $url) ? $url : null;
    }

    /**
     * The message of the first condition that is not healthy (Ready=False, ActionRejected=True).
     *
     * @param array<string, mixed> $vm
     */
    public static function problem(array $vm): string
    {
        $conditions = self::status($vm)['conditions'] ?? [];
        if (!is_array($conditions)) {
            return '';
        }
        foreach ($conditions as $c) {
            if (!is_array($c)) {
                continue;
            }
            $bad = ($c['type'] ?? '') === 'ActionRejected' ? ($c['status'] ?? '') === 'True' : ($c['type'] ?? '') === 'Ready' && ($c['status'] ?? '') === 'False';
            if ($bad) {
                return trim(self::str($c['reason'] ?? null) . ': ' . self::str($c['message'] ?? null), ': ');
            }
        }
        return '';
    }

    /**
     * @param array<string, mixed> $vm
     * @return array<string, mixed>
     */
    private static function status(array $vm): array
    {
        return is_array($vm['status'] ?? null) ? $vm['status'] : [];
    }

    private static function str(mixed $value): string
    {
        return is_scalar($value) ? trim((string) $value) : '';
    }
}
