<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\ProductSettings;
use CloudPeK8s\VmMapper;
use PHPUnit\Framework\TestCase;

final class VmMapperTest extends TestCase
{
    public function testServiceBecomesALabelledCloudPeVmWithItsPasswordSecret(): void
    {
        $params = ['serviceid' => 42, 'userid' => 7, 'domain' => 'Web01.Example.com'];
        $settings = new ProductSettings('c1.medium', 'ubuntu-24.04', 'public-net', 'DualStack', 'web', 40, 'General Purpose');

        $vm = VmMapper::desiredVm($params, $settings, 'mumbai');

        self::assertSame([
            'apiVersion' => 'cloudpe.io/v1alpha1',
            'kind' => 'CloudPeVM',
            'metadata' => ['name' => 'whmcs-42', 'labels' => ['cloudpe.io/whmcs-client-id' => '7', 'cloudpe.io/whmcs-service-id' => '42']],
            'spec' => [
                'serverRef' => ['name' => 'mumbai'],
                'flavor' => 'c1.medium',
                'image' => 'ubuntu-24.04',
                'network' => 'public-net',
                'ipMode' => 'DualStack',
                'volume' => ['sizeGiB' => 40, 'storagePolicy' => 'General Purpose'],
                'powerState' => 'Running',
                'passwordSecretRef' => ['name' => 'whmcs-42-password', 'key' => 'password'],
                'hostname' => 'web01',
                'securityGroup' => 'web',
            ],
        ], $vm);
        self::assertSame(base64_encode('pw-1234'), VmMapper::passwordSecret($params, 'pw-1234')['data']['password']);
        self::assertSame('whmcs-42-password', VmMapper::passwordSecret($params, 'pw-1234')['metadata']['name']);
    }

    public function testEmptyStoragePolicyAndSecurityGroupAreLeftToTheDefaults(): void
    {
        $vm = VmMapper::desiredVm(['serviceid' => 1, 'userid' => 2], new ProductSettings('f', 'i', 'n', 'IPv4', '', 30, ''), 's');

        self::assertSame(['sizeGiB' => 30], $vm['spec']['volume']);
        self::assertArrayNotHasKey('securityGroup', $vm['spec']);
        self::assertArrayNotHasKey('hostname', $vm['spec']);
    }

    /** @return iterable<string, array{string, ?string}> */
    public static function domains(): iterable
    {
        yield 'fqdn' => ['vps1.example.com', 'vps1'];
        yield 'single label' => ['db-2', 'db-2'];
        yield 'ip address' => ['203.0.113.9', null];
        yield 'underscore' => ['my_host.example.com', null];
        yield 'too long' => [str_repeat('a', 64), null];
        yield 'empty' => ['', null];
    }

    /** @dataProvider domains */
    public function testHostnameIsTheDomainsFirstLabelWhenValid(string $domain, ?string $expected): void
    {
        self::assertSame($expected, VmMapper::hostname($domain));
    }

    public function testStatusFillsTheSeedCustomFields(): void
    {
        $vm = ['status' => ['vmId' => '0d3c', 'ipv4' => '203.0.113.10', 'ipv6' => '2001:db8::10', 'phase' => 'Running']];

        self::assertSame(['VM ID' => '0d3c', 'Public IPv4' => '203.0.113.10', 'Public IPv6' => '2001:db8::10'], VmMapper::customFields($vm));
        self::assertSame(['VM ID' => '', 'Public IPv4' => '', 'Public IPv6' => ''], VmMapper::customFields([]));
        self::assertSame('Pending', VmMapper::phase([]));
    }

    public function testConsoleLinkIsShownOnlyUntilItExpires(): void
    {
        $vm = ['status' => ['console' => ['url' => 'https://console.example/vnc?token=abc', 'expiresAt' => '2026-11-29T10:10:00Z']]];

        self::assertSame('https://console.example/vnc?token=abc', VmMapper::consoleUrl($vm, new \DateTimeImmutable('2026-11-29T10:09:59Z')));
        self::assertNull(VmMapper::consoleUrl($vm, new \DateTimeImmutable('2026-11-29T10:10:00Z')));
        self::assertNull(VmMapper::consoleUrl(['status' => ['console' => ['url' => 'javascript:alert(1)']]], new \DateTimeImmutable()));
    }

    public function testProblemReportsReadyFalseAndRejectedActions(): void
    {
        $rejected = ['status' => ['conditions' => [
            ['type' => 'Ready', 'status' => 'True'],
            ['type' => 'ActionRejected', 'status' => 'True', 'reason' => 'WrongState', 'message' => 'restart needs Running'],
        ]]];

        self::assertSame('WrongState: restart needs Running', VmMapper::problem($rejected));
        self::assertSame('', VmMapper::problem(['status' => ['conditions' => [['type' => 'Ready', 'status' => 'True']]]]));
    }
}
