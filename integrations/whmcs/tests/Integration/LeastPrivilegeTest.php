<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Integration;

use CloudPeK8s\KubeClient;
use CloudPeK8s\KubeException;
use CloudPeK8s\ServerConnection;
use CloudPeK8s\Tests\Support\EmulatorTestCase;

/**
 * The token from rbac.yaml is enough for the module and nothing more: CloudPeVMs and Secrets of
 * its own namespace, CloudPeServers read only, no reading of Secrets at all.
 */
final class LeastPrivilegeTest extends EmulatorTestCase
{
    private static string $otherNamespace;

    public static function setUpBeforeClass(): void
    {
        parent::setUpBeforeClass();
        self::$otherNamespace = self::$namespace . '-other';
        self::$admin->create('/api/v1/namespaces', ['apiVersion' => 'v1', 'kind' => 'Namespace', 'metadata' => ['name' => self::$otherNamespace]]);
        self::createServer(self::$otherNamespace);
    }

    private function tokenClient(): KubeClient
    {
        return new KubeClient(new ServerConnection(self::$emulator->url, self::$token, self::$namespace, self::SERVER, true, self::$emulator->caPem), static function (): void {
        });
    }

    private function assertForbidden(callable $call): void
    {
        try {
            $call($this->tokenClient());
            self::fail('the least-privilege token was allowed');
        } catch (KubeException $e) {
            self::assertSame(403, $e->httpCode, $e->getMessage());
        }
    }

    public function testTheWholeLifecycleRunsWithTheRoleAlone(): void
    {
        $params = $this->params(301);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));
        $this->operatorWritesStatus('whmcs-301', ['phase' => 'Running']);
        foreach (['SuspendAccount', 'UnsuspendAccount', 'RestartVm', 'VncConsole', 'ResetPassword', 'ChangePassword', 'SyncStatus', 'StopVm', 'ChangePackage', 'TerminateAccount'] as $function) {
            $this->assertSuccess(('cloudpek8s_' . $function)($params));
        }
    }

    public function testTokenCannotReadAnySecretNotEvenTheCloudCredentials(): void
    {
        $this->assertForbidden(static fn (KubeClient $c) => $c->get('/api/v1/namespaces/' . self::$namespace . '/secrets/mumbai-app-credential'));
        $this->assertForbidden(static fn (KubeClient $c) => $c->get('/api/v1/namespaces/' . self::$namespace . '/secrets'));
    }

    public function testTokenCannotTouchAnotherNamespace(): void
    {
        $other = '/apis/cloudpe.io/v1alpha1/namespaces/' . self::$otherNamespace;
        $this->assertForbidden(static fn (KubeClient $c) => $c->get($other . '/cloudpeservers/' . self::SERVER));
        $this->assertForbidden(static fn (KubeClient $c) => $c->create('/api/v1/namespaces/' . self::$otherNamespace . '/secrets', ['apiVersion' => 'v1', 'kind' => 'Secret', 'metadata' => ['name' => 'x']]));
    }

    public function testTokenCannotChangeCloudPeServersOrOtherKinds(): void
    {
        $ns = self::$namespace;
        $this->assertForbidden(static fn (KubeClient $c) => $c->delete('/apis/cloudpe.io/v1alpha1/namespaces/' . $ns . '/cloudpeservers/' . self::SERVER));
        $this->assertForbidden(static fn (KubeClient $c) => $c->mergePatch('/apis/cloudpe.io/v1alpha1/namespaces/' . $ns . '/cloudpeservers/' . self::SERVER, ['spec' => ['secure' => false]]));
        $this->assertForbidden(static fn (KubeClient $c) => $c->create('/api/v1/namespaces/' . $ns . '/configmaps', ['apiVersion' => 'v1', 'kind' => 'ConfigMap', 'metadata' => ['name' => 'x']]));
        $this->assertForbidden(static fn (KubeClient $c) => $c->mergePatch('/apis/cloudpe.io/v1alpha1/namespaces/' . $ns . '/cloudpevms/whmcs-1/status', ['status' => ['phase' => 'Running']]));
    }

    public function testModuleExplainsAForbiddenNamespace(): void
    {
        $result = \cloudpek8s_CreateAccount($this->params(302, ['serveraccesshash' => self::$otherNamespace . '/' . self::SERVER . "\n" . self::$emulator->caPem]));

        self::assertStringStartsWith('Permission denied in namespace "' . self::$otherNamespace . '": the ServiceAccount token may not create the Secret', $result);
        self::assertStringContainsString('integrations/whmcs/rbac.yaml', $result);
    }
}
