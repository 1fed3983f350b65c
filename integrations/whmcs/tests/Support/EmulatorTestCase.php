<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

use CloudPeK8s\KubeClient;
use CloudPeK8s\ServerConnection;
use PHPUnit\Framework\TestCase;

/**
 * Integration tests against the Kubernetes API emulator: each test class gets its own namespace
 * with a CloudPeServer (inventory filled in as the operator would) and the ServiceAccount, Role
 * and RoleBinding of integrations/whmcs/rbac.yaml. The module always runs with that
 * ServiceAccount's token; the admin token plays the operator and checks results.
 */
abstract class EmulatorTestCase extends TestCase
{
    protected const SERVER = 'mumbai';
    protected const CLIENT_ID = 7;

    protected static Emulator $emulator;
    protected static string $namespace;
    protected static string $token;
    protected static KubeClient $admin;

    public static function setUpBeforeClass(): void
    {
        self::$emulator = Emulator::shared();
        $short = strtolower((new \ReflectionClass(static::class))->getShortName());
        self::$namespace = substr(preg_replace('/[^a-z0-9]/', '', $short) ?? 'test', 0, 40) . '-' . bin2hex(random_bytes(3));
        self::$admin = self::adminClient();
        self::$admin->create('/api/v1/namespaces', ['apiVersion' => 'v1', 'kind' => 'Namespace', 'metadata' => ['name' => self::$namespace]]);
        self::createServer(self::$namespace);
        self::applyRbac(self::$namespace);
        self::$token = self::requestToken(self::$namespace, 'whmcs-provisioner');
    }

    protected function setUp(): void
    {
        WhmcsStandIn::reset();
    }

    /** A client with the emulator's admin token (the operator's and the test's view). */
    protected static function adminClient(): KubeClient
    {
        $e = self::$emulator;
        return new KubeClient(new ServerConnection($e->url, $e->adminToken, 'default', self::SERVER, true, $e->caPem), static function (): void {
        });
    }

    protected static function createServer(string $namespace): void
    {
        self::$admin->create('/api/v1/namespaces/' . $namespace . '/secrets', [
            'apiVersion' => 'v1', 'kind' => 'Secret',
            'metadata' => ['name' => 'mumbai-app-credential'],
            'type' => 'Opaque',
            'data' => ['applicationCredentialId' => base64_encode('app-cred-id'), 'applicationCredentialSecret' => base64_encode('app-cred-secret-value')],
        ]);
        $path = '/apis/cloudpe.io/v1alpha1/namespaces/' . $namespace . '/cloudpeservers';
        self::$admin->create($path, [
            'apiVersion' => 'cloudpe.io/v1alpha1', 'kind' => 'CloudPeServer',
            'metadata' => ['name' => self::SERVER],
            'spec' => ['endpoint' => 'cmp.example.test', 'projectPath' => '/openstack/14', 'credentialsSecretRef' => ['name' => 'mumbai-app-credential']],
        ]);
        self::$admin->mergePatch($path . '/' . self::SERVER . '/status', ['status' => [
            'conditions' => [['type' => 'Ready', 'status' => 'True', 'reason' => 'Ready', 'message' => 'connected', 'lastTransitionTime' => gmdate('Y-m-d\TH:i:s\Z')]],
            'inventory' => [
                'refreshedAt' => gmdate('Y-m-d\TH:i:s\Z'),
                'flavors' => [
                    ['id' => 'f-1', 'name' => 'c1.medium', 'vcpus' => 2, 'ramMiB' => 4096, 'diskGiB' => 0],
                    ['id' => 'f-2', 'name' => 'c1.large', 'vcpus' => 4, 'ramMiB' => 8192, 'diskGiB' => 0],
                ],
                'images' => [['id' => 'i-1', 'name' => 'ubuntu-24.04', 'minDiskGiB' => 10, 'osDistro' => 'ubuntu', 'osVersion' => '24.04']],
                'networks' => [['id' => 'n-1', 'name' => 'public-net', 'ipVersions' => [4, 6], 'external' => true]],
                'securityGroups' => [['id' => 's-1', 'name' => 'default'], ['id' => 's-2', 'name' => 'web']],
                'volumeTypes' => [['id' => 'v-1', 'name' => 'General Purpose']],
            ],
        ]]);
    }

    /** Applies integrations/whmcs/rbac.yaml (namespace replaced) with kubectl, as the README says. */
    protected static function applyRbac(string $namespace): void
    {
        $manifest = str_replace('tenant-a', $namespace, (string) file_get_contents(dirname(__DIR__, 2) . '/rbac.yaml'));
        $file = tempnam(sys_get_temp_dir(), 'rbac');
        file_put_contents((string) $file, $manifest);
        $out = [];
        exec(escapeshellarg(self::kubectl()) . ' --kubeconfig ' . escapeshellarg(self::$emulator->kubeconfig) . ' --cache-dir ' . escapeshellarg(self::$emulator->workDir() . '/kubectl-cache') . ' apply -f ' . escapeshellarg((string) $file) . ' 2>&1', $out, $rc);
        unlink((string) $file);
        if ($rc !== 0) {
            throw new \RuntimeException("kubectl apply -f rbac.yaml failed:\n" . implode("\n", $out));
        }
    }

    protected static function requestToken(string $namespace, string $serviceAccount): string
    {
        $answer = self::$admin->create(
            '/api/v1/namespaces/' . $namespace . '/serviceaccounts/' . $serviceAccount . '/token',
            ['apiVersion' => 'authentication.k8s.io/v1', 'kind' => 'TokenRequest', 'spec' => new \stdClass()],
        );
        $token = $answer['status']['token'] ?? '';
        if (!is_string($token) || $token === '') {
            throw new \RuntimeException('TokenRequest returned no status.token.');
        }
        return $token;
    }

    private static function kubectl(): string
    {
        $onPath = trim((string) shell_exec('command -v kubectl 2>/dev/null'));
        return $onPath !== '' ? $onPath : Emulator::repoRoot() . '/.tools/bin/kubectl';
    }

    /**
     * WHMCS module parameters for a service on the test server, least-privilege token included.
     *
     * @param array<string, mixed> $overrides
     * @return array<string, mixed>
     */
    protected function params(int $serviceId, array $overrides = []): array
    {
        return array_replace([
            'serviceid' => $serviceId,
            'userid' => self::CLIENT_ID,
            'domain' => 'vps' . $serviceId . '.example.com',
            'password' => 'Order-Pass-' . $serviceId . '-x9!',
            'serverhostname' => self::$emulator->url,
            'serverpassword' => self::$token,
            'serveraccesshash' => self::$namespace . '/' . self::SERVER . "\n" . self::$emulator->caPem,
            'serversecure' => 'on',
            'configoption1' => 'c1.medium',
            'configoption2' => 'ubuntu-24.04',
            'configoption3' => 'public-net',
            'configoption4' => 'Both',
            'configoption5' => 'default',
            'configoption6' => '30',
            'configoption7' => 'General Purpose',
            'configoptions' => ['Disk Space' => '40'],
            'customfields' => [],
            'model' => new FakeServiceModel(),
        ], $overrides);
    }

    /** @return array<string, mixed> the CloudPeVM as the admin sees it */
    protected function vm(string $name): array
    {
        return self::$admin->get('/apis/cloudpe.io/v1alpha1/namespaces/' . self::$namespace . '/cloudpevms/' . $name);
    }

    protected function secretPassword(string $name): string
    {
        $secret = self::$admin->get('/api/v1/namespaces/' . self::$namespace . '/secrets/' . $name);
        return (string) base64_decode((string) ($secret['data']['password'] ?? ''), true);
    }

    /** Plays the operator: writes the CloudPeVM's status. */
    protected function operatorWritesStatus(string $name, array $status): void
    {
        self::$admin->mergePatch('/apis/cloudpe.io/v1alpha1/namespaces/' . self::$namespace . '/cloudpevms/' . $name . '/status', ['status' => $status]);
    }

    protected function assertNotFound(string $path): void
    {
        try {
            self::$admin->get($path);
            self::fail($path . ' still exists');
        } catch (\CloudPeK8s\KubeException $e) {
            self::assertSame(404, $e->httpCode, $e->getMessage());
        }
    }

    protected function assertSuccess(string $result): void
    {
        self::assertSame('success', $result, 'module answered: ' . $result);
    }
}
