<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\ModuleError;
use CloudPeK8s\ServerConnection;
use PHPUnit\Framework\TestCase;

final class ServerConnectionTest extends TestCase
{
    private const PEM = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----";

    public function testReadsUrlTokenNamespaceServerAndSecure(): void
    {
        $c = ServerConnection::fromParams([
            'serverhostname' => 'https://k8s.example.com:6443/',
            'serverpassword' => ' sa-token ',
            'serveraccesshash' => 'tenant-a/mumbai',
            'serversecure' => 'on',
        ]);

        self::assertSame(['https://k8s.example.com:6443', 'sa-token', 'tenant-a', 'mumbai', true, null, null], [$c->baseUrl, $c->token, $c->namespace, $c->serverName, $c->verifyTls, $c->caPem, $c->caFile]);
    }

    public function testHostnameWithoutSchemeIsHttpsWithTheServerPort(): void
    {
        $c = ServerConnection::fromParams(['serverhostname' => 'k8s.example.com', 'serverport' => '6443', 'serverpassword' => 't0ken', 'serveraccesshash' => 'a/b', 'serversecure' => '']);

        self::assertSame('https://k8s.example.com:6443', $c->baseUrl);
        self::assertFalse($c->verifyTls);
    }

    public function testPemBelowTheFirstLineBecomesTheTrustedCa(): void
    {
        $c = ServerConnection::fromParams(['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => "tenant-a/mumbai\r\n" . self::PEM . "\n"]);

        self::assertSame(self::PEM, $c->caPem);
    }

    public function testCaFileLine(): void
    {
        $file = tempnam(sys_get_temp_dir(), 'ca');
        try {
            $c = ServerConnection::fromParams(['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => "tenant-a/mumbai\ncafile=" . $file]);
            self::assertSame($file, $c->caFile);
        } finally {
            unlink((string) $file);
        }
    }

    /** @return iterable<string, array{array<string, string>, string}> */
    public static function badSettings(): iterable
    {
        yield 'no hostname' => [['serverpassword' => 't0ken', 'serveraccesshash' => 'a/b'], 'The server has no Hostname'];
        yield 'no token' => [['serverhostname' => 'https://h', 'serveraccesshash' => 'a/b'], 'The server has no Password'];
        yield 'no server name' => [['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => 'tenant-a'], 'must start with "namespace/cloudpeserver"'];
        yield 'old project path' => [['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => '/openstack/14'], 'must start with "namespace/cloudpeserver"'];
        yield 'unreadable CA file' => [['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => "a/b\ncafile=/nonexistent/ca.crt"], 'cannot be read'];
        yield 'junk after target' => [['serverhostname' => 'https://h', 'serverpassword' => 't0ken', 'serveraccesshash' => "a/b\nhello"], 'may hold only'];
    }

    /**
     * @dataProvider badSettings
     * @param array<string, string> $params
     */
    public function testBadSettingsSayWhatToFix(array $params, string $expected): void
    {
        $this->expectException(ModuleError::class);
        $this->expectExceptionMessage($expected);

        ServerConnection::fromParams($params);
    }
}
