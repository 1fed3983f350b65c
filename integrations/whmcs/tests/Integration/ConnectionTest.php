<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Integration;

use CloudPeK8s\Tests\Support\EmulatorTestCase;

/** Test Connection, TLS trust and the product dropdowns, with the least-privilege token. */
final class ConnectionTest extends EmulatorTestCase
{
    public function testConnectionSucceedsWithTheServiceAccountTokenAndClusterCa(): void
    {
        self::assertSame(['success' => true, 'error' => ''], \cloudpek8s_TestConnection($this->params(1)));
    }

    public function testWrongTokenIsReportedAsUnauthorized(): void
    {
        $result = \cloudpek8s_TestConnection($this->params(1, ['serverpassword' => 'not-a-valid-token']));

        self::assertFalse($result['success']);
        self::assertStringContainsString('rejected the token (401 Unauthorized)', $result['error']);
    }

    public function testUnknownCloudPeServerPointsAtTheAccessHash(): void
    {
        $result = \cloudpek8s_TestConnection($this->params(1, ['serveraccesshash' => self::$namespace . "/nowhere\n" . self::$emulator->caPem]));

        self::assertStringContainsString('The CloudPeServer "nowhere" does not exist in namespace "' . self::$namespace . '"', $result['error']);
    }

    public function testSecureWithoutTheClusterCaFailsWithTlsAdvice(): void
    {
        $result = \cloudpek8s_TestConnection($this->params(1, ['serveraccesshash' => self::$namespace . '/' . self::SERVER]));

        self::assertStringContainsString('TLS verification failed', $result['error']);
    }

    public function testCaFileInTheAccessHashIsTrusted(): void
    {
        $file = (string) tempnam(sys_get_temp_dir(), 'ca');
        file_put_contents($file, self::$emulator->caPem);
        try {
            $result = \cloudpek8s_TestConnection($this->params(1, ['serveraccesshash' => self::$namespace . '/' . self::SERVER . "\ncafile=" . $file]));
        } finally {
            unlink($file);
        }

        self::assertTrue($result['success'], $result['error']);
    }

    public function testSecureUntickedSkipsVerification(): void
    {
        $result = \cloudpek8s_TestConnection($this->params(1, ['serveraccesshash' => self::$namespace . '/' . self::SERVER, 'serversecure' => '']));

        self::assertTrue($result['success'], $result['error']);
    }

    public function testDropdownsListTheServerInventory(): void
    {
        $params = $this->params(1);

        self::assertSame(['c1.medium', 'c1.large'], array_keys(\cloudpek8s_LoaderFlavors($params)));
        self::assertSame(['ubuntu-24.04' => 'ubuntu-24.04 (min 10 GiB)'], \cloudpek8s_LoaderImages($params));
        self::assertSame(['public-net' => 'public-net (IPv4/IPv6)'], \cloudpek8s_LoaderNetworks($params));
        self::assertSame(['default', 'web'], array_keys(\cloudpek8s_LoaderSecurityGroups($params)));
        self::assertSame(['General Purpose' => 'General Purpose'], \cloudpek8s_LoaderStoragePolicies($params));
    }

    public function testDropdownLoaderFailureIsShownToTheAdmin(): void
    {
        $this->expectException(\Exception::class);
        $this->expectExceptionMessage('The CloudPeServer "nowhere" does not exist');

        \cloudpek8s_LoaderFlavors($this->params(1, ['serveraccesshash' => self::$namespace . "/nowhere\n" . self::$emulator->caPem]));
    }

    public function testSettingsDescribeTheSeedProductFields(): void
    {
        self::assertSame(
            ['Flavor', 'Default Image', 'Network', 'IP Assignment', 'Security Group', 'Minimum Volume Size', 'Storage Policy'],
            array_keys(\cloudpek8s_ConfigOptions()),
        );
        self::assertSame('IPv4 Only,IPv6 Only,Both', \cloudpek8s_ConfigOptions()['IP Assignment']['Options']);
        self::assertTrue(\cloudpek8s_MetaData()['RequiresServer']);
    }
}
