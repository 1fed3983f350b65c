<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Integration;

use CloudPeK8s\Tests\Support\EmulatorTestCase;
use CloudPeK8s\Tests\Support\FakeServiceModel;
use CloudPeK8s\Tests\Support\WhmcsStandIn;

/** Create, suspend, unsuspend, change package and terminate against the emulator. */
final class ProvisioningTest extends EmulatorTestCase
{
    private function vmPath(string $name): string
    {
        return '/apis/cloudpe.io/v1alpha1/namespaces/' . self::$namespace . '/cloudpevms/' . $name;
    }

    public function testCreateMakesALabelledVmAndItsPasswordSecret(): void
    {
        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(101, ['configoptions' => ['Server Size' => 'c1.large', 'Disk Space' => '60']])));

        $vm = $this->vm('whmcs-101');
        self::assertSame(['cloudpe.io/whmcs-client-id' => '7', 'cloudpe.io/whmcs-service-id' => '101'], array_intersect_key($vm['metadata']['labels'], array_flip(['cloudpe.io/whmcs-client-id', 'cloudpe.io/whmcs-service-id'])));
        self::assertSame('c1.large', $vm['spec']['flavor']);
        self::assertSame('ubuntu-24.04', $vm['spec']['image']);
        self::assertSame('DualStack', $vm['spec']['ipMode']);
        self::assertSame(60, $vm['spec']['volume']['sizeGiB']);
        self::assertSame('General Purpose', $vm['spec']['volume']['storagePolicy']);
        self::assertSame('Running', $vm['spec']['powerState']);
        self::assertSame('vps101', $vm['spec']['hostname']);
        self::assertSame('whmcs-101-password', $vm['spec']['passwordSecretRef']['name']);
        self::assertSame('Order-Pass-101-x9!', $this->secretPassword('whmcs-101-password'));
    }

    public function testCreateWithoutAnOrderPasswordGeneratesOneAndStoresItInWhmcs(): void
    {
        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(102, ['password' => ''])));

        $stored = WhmcsStandIn::$apiCalls[0] ?? null;
        self::assertSame('UpdateClientProduct', $stored['command'] ?? null);
        self::assertSame(102, $stored['values']['serviceid']);
        self::assertSame($stored['values']['servicepassword'], $this->secretPassword('whmcs-102-password'));
        self::assertMatchesRegularExpression('/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{20}$/', $stored['values']['servicepassword']);
    }

    public function testCreateAgainConvergesInsteadOfFailing(): void
    {
        $params = $this->params(103);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));
        $uid = $this->vm('whmcs-103')['metadata']['uid'];

        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(103, ['password' => 'Retry-Pass-103!', 'configoption1' => 'c1.large'])));

        $vm = $this->vm('whmcs-103');
        self::assertSame($uid, $vm['metadata']['uid'], 'the retry must reuse the VM, not replace it');
        self::assertSame('c1.large', $vm['spec']['flavor']);
        self::assertSame('Retry-Pass-103!', $this->secretPassword('whmcs-103-password'));
    }

    public function testCreateAfterOnlyTheSecretWasWrittenFinishesTheJob(): void
    {
        // A first attempt that stopped after the Secret: the Secret exists, the VM does not.
        self::$admin->create('/api/v1/namespaces/' . self::$namespace . '/secrets', [
            'apiVersion' => 'v1', 'kind' => 'Secret', 'type' => 'Opaque',
            'metadata' => ['name' => 'whmcs-104-password', 'labels' => ['cloudpe.io/whmcs-service-id' => '104']],
            'data' => ['password' => base64_encode('first-attempt')],
        ]);

        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(104)));

        self::assertSame('whmcs-104', $this->vm('whmcs-104')['metadata']['name']);
        self::assertSame('Order-Pass-104-x9!', $this->secretPassword('whmcs-104-password'));
    }

    public function testCreateNeverTakesOverSomeoneElsesObjects(): void
    {
        self::$admin->create('/api/v1/namespaces/' . self::$namespace . '/secrets', [
            'apiVersion' => 'v1', 'kind' => 'Secret', 'type' => 'Opaque',
            'metadata' => ['name' => 'whmcs-105-password'],
            'data' => ['password' => base64_encode('not-whmcs')],
        ]);

        $result = \cloudpek8s_CreateAccount($this->params(105));

        self::assertStringContainsString('The Secret "whmcs-105-password" already exists in namespace "' . self::$namespace . '" but is not labelled cloudpe.io/whmcs-service-id=105', $result);
        self::assertSame('not-whmcs', $this->secretPassword('whmcs-105-password'));
        $this->assertNotFound($this->vmPath('whmcs-105'));
    }

    public function testCreateWithAnOutOfRangeDiskShowsTheValidationMessage(): void
    {
        $result = \cloudpek8s_CreateAccount($this->params(106, ['configoptions' => ['Disk Space' => '20000']]));

        self::assertStringStartsWith('Kubernetes rejected the CloudPeVM', $result);
        self::assertStringContainsString('spec.volume.sizeGiB', $result);
    }

    public function testCreateWritesTheCustomFieldsTheStatusAlreadyHas(): void
    {
        $params = $this->params(107);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));
        $this->operatorWritesStatus('whmcs-107', ['phase' => 'Running', 'vmId' => 'vm-107', 'ipv4' => '203.0.113.7', 'ipv6' => '2001:db8::7']);

        $this->assertSuccess(\cloudpek8s_CreateAccount($params));

        self::assertSame(['VM ID' => 'vm-107', 'Public IPv4' => '203.0.113.7', 'Public IPv6' => '2001:db8::7'], $params['model']->serviceProperties->values);
    }

    public function testSuspendAndUnsuspendSetThePowerState(): void
    {
        $params = $this->params(110);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));

        $this->assertSuccess(\cloudpek8s_SuspendAccount($params));
        self::assertSame('Suspended', $this->vm('whmcs-110')['spec']['powerState']);

        $this->assertSuccess(\cloudpek8s_UnsuspendAccount($params));
        self::assertSame('Running', $this->vm('whmcs-110')['spec']['powerState']);
    }

    public function testSuspendOfAMissingVmSaysSo(): void
    {
        $result = \cloudpek8s_SuspendAccount($this->params(111));

        self::assertSame('The CloudPeVM "whmcs-111" does not exist in namespace "' . self::$namespace . '" (deleted outside WHMCS?). Run Create again to recreate it, or Terminate to clean up.', $result);
    }

    public function testChangePackageUpdatesFlavorAndGrowsTheVolume(): void
    {
        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(120)));

        $this->assertSuccess(\cloudpek8s_ChangePackage($this->params(120, ['configoption1' => 'c1.large', 'configoption5' => 'web', 'configoptions' => ['Volume Size' => '80']])));

        $spec = $this->vm('whmcs-120')['spec'];
        self::assertSame(['c1.large', 80, 'web', 'General Purpose'], [$spec['flavor'], $spec['volume']['sizeGiB'], $spec['securityGroup'], $spec['volume']['storagePolicy']]);
    }

    public function testChangePackageRefusesToShrinkTheDisk(): void
    {
        $this->assertSuccess(\cloudpek8s_CreateAccount($this->params(121, ['configoptions' => ['Disk Space' => '100']])));

        $result = \cloudpek8s_ChangePackage($this->params(121, ['configoption1' => 'c1.large', 'configoptions' => ['Disk Space' => '50']]));

        self::assertStringContainsString('volumes can grow but never shrink. Choose a disk of at least 100 GiB.', $result);
        self::assertSame('c1.medium', $this->vm('whmcs-121')['spec']['flavor']);
    }

    public function testTerminateDeletesVmAndSecretAndMayBeRepeated(): void
    {
        $params = $this->params(130, ['customfields' => ['VM ID' => 'vm-130', 'Public IPv4' => '203.0.113.30', 'Public IPv6' => ''], 'model' => new FakeServiceModel()]);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));

        $this->assertSuccess(\cloudpek8s_TerminateAccount($params));
        $this->assertNotFound($this->vmPath('whmcs-130'));
        $this->assertNotFound('/api/v1/namespaces/' . self::$namespace . '/secrets/whmcs-130-password');
        self::assertSame(['VM ID' => '', 'Public IPv4' => ''], $params['model']->serviceProperties->values);

        $this->assertSuccess(\cloudpek8s_TerminateAccount($params));
    }
}
