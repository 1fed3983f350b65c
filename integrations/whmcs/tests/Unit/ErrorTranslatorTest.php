<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\ErrorTranslator;
use CloudPeK8s\KubeException;
use CloudPeK8s\Masker;
use CloudPeK8s\ModuleError;
use CloudPeK8s\Tests\Support\StatusFixtures;
use PHPUnit\Framework\TestCase;

/** Recorded Kubernetes Status bodies become messages an admin can act on. */
final class ErrorTranslatorTest extends TestCase
{
    private const VM_PATH = '/apis/cloudpe.io/v1alpha1/namespaces/tenant-a/cloudpevms/whmcs-42';

    private function translate(KubeException|ModuleError|\Throwable $e, array $secrets = []): string
    {
        return (new ErrorTranslator(new Masker($secrets), 'tenant-a'))->translate($e);
    }

    public function testForbiddenNamesVerbObjectAndTheRoleToBind(): void
    {
        $text = $this->translate(StatusFixtures::exception('forbidden-patch-vm', 'PATCH', self::VM_PATH));

        self::assertStringStartsWith('Permission denied in namespace "tenant-a": the ServiceAccount token may not change the CloudPeVM "whmcs-42".', $text);
        self::assertStringContainsString('integrations/whmcs/rbac.yaml', $text);
    }

    public function testForbiddenWithoutObjectNameFallsBackToTheResource(): void
    {
        $text = $this->translate(StatusFixtures::exception('forbidden-create-secret', 'POST', '/api/v1/namespaces/tenant-b/secrets'));

        self::assertStringContainsString('may not create the Secret resource', $text);
    }

    public function testMissingVmSuggestsCreateOrTerminate(): void
    {
        $text = $this->translate(StatusFixtures::exception('notfound-vm', 'GET', self::VM_PATH));

        self::assertSame('The CloudPeVM "whmcs-42" does not exist in namespace "tenant-a" (deleted outside WHMCS?). Run Create again to recreate it, or Terminate to clean up.', $text);
    }

    public function testMissingCloudPeServerPointsAtTheAccessHash(): void
    {
        $text = $this->translate(StatusFixtures::exception('notfound-server', 'GET', '/apis/cloudpe.io/v1alpha1/namespaces/tenant-a/cloudpeservers/mumbai'));

        self::assertStringContainsString('The CloudPeServer "mumbai" does not exist in namespace "tenant-a": fix the server Access Hash', $text);
    }

    public function testUnknownResourceTypeSaysTheCrdsAreMissing(): void
    {
        $text = $this->translate(StatusFixtures::exception('notfound-resource-type', 'GET', self::VM_PATH));

        self::assertStringContainsString('install the CloudPe operator\'s CRDs', $text);
        self::assertStringContainsString('the CloudPeVM "whmcs-42"', $text);
    }

    public function testConflictAsksForARetry(): void
    {
        $text = $this->translate(StatusFixtures::exception('conflict-vm', 'PATCH', self::VM_PATH));

        self::assertSame('The CloudPeVM "whmcs-42" was changed by someone else at the same time: retry the action.', $text);
    }

    public function testAlreadyExistsIsNotMistakenForAConflict(): void
    {
        $text = $this->translate(StatusFixtures::exception('alreadyexists-vm', 'POST', '/apis/cloudpe.io/v1alpha1/namespaces/tenant-a/cloudpevms'));

        self::assertStringContainsString('already exists in namespace "tenant-a"', $text);
    }

    public function testValidationListsEveryFieldAndItsReason(): void
    {
        $text = $this->translate(StatusFixtures::exception('invalid-vm', 'PATCH', self::VM_PATH));

        self::assertSame(
            'Kubernetes rejected the CloudPeVM "whmcs-42": spec.volume.sizeGiB: Invalid value: 20000: spec.volume.sizeGiB in body should be less than or equal to 16384; '
            . 'spec.image: Invalid value: "string": image is immutable. Fix the product or configurable option that sets this field.',
            $text,
        );
    }

    public function testValidationMessageThatEchoesAPasswordIsMasked(): void
    {
        $text = $this->translate(StatusFixtures::exception('invalid-secret-echo', 'POST', '/api/v1/namespaces/tenant-a/secrets'), ['S3cret-Passw0rd!']);

        self::assertStringNotContainsString('S3cret-Passw0rd!', $text);
        self::assertStringContainsString('the Secret "whmcs-42-password"', $text);
    }

    public function testUnauthorizedPointsAtThePasswordField(): void
    {
        $text = $this->translate(StatusFixtures::exception('unauthorized', 'GET', self::VM_PATH));

        self::assertStringContainsString('put a valid ServiceAccount token in the server Password field', $text);
    }

    public function testServerErrorsAskToRetryLater(): void
    {
        $text = $this->translate(StatusFixtures::exception('unavailable', 'GET', self::VM_PATH));

        self::assertStringStartsWith('The Kubernetes API is unavailable (503 ServiceUnavailable): retry later.', $text);
    }

    public function testTlsFailureExplainsHowToTrustTheClusterCa(): void
    {
        $text = $this->translate(new KubeException(0, ['curlErrno' => 60], 'GET', self::VM_PATH, 'SSL certificate problem: self-signed certificate in certificate chain'));

        self::assertStringContainsString('TLS verification failed: add the cluster CA to the server Access Hash', $text);
    }

    public function testUnreachableApiPointsAtTheHostname(): void
    {
        $text = $this->translate(new KubeException(0, ['curlErrno' => 7], 'GET', self::VM_PATH, 'Failed to connect to 127.0.0.1 port 1: Connection refused'));

        self::assertStringContainsString('Check the server Hostname', $text);
    }

    public function testModuleErrorsPassThroughMasked(): void
    {
        self::assertSame('bad ' . Masker::MASK, $this->translate(new ModuleError('bad token-value-1'), ['token-value-1']));
    }
}
