<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\ModuleError;
use CloudPeK8s\ProductSettings;
use PHPUnit\Framework\TestCase;

final class ProductSettingsTest extends TestCase
{
    /** @return array<string, mixed> */
    private static function product(array $overrides = []): array
    {
        return array_replace([
            'configoption1' => 'c1.medium', 'configoption2' => 'ubuntu-24.04', 'configoption3' => 'public-net',
            'configoption4' => 'IPv4 Only', 'configoption5' => 'default', 'configoption6' => '30', 'configoption7' => 'General Purpose',
        ], $overrides);
    }

    public function testProductSettingsMapInTheSeedOrder(): void
    {
        $s = ProductSettings::fromParams(self::product());

        self::assertSame(['c1.medium', 'ubuntu-24.04', 'public-net', 'IPv4', 'default', 30, 'General Purpose'], [$s->flavor, $s->image, $s->network, $s->ipMode, $s->securityGroup, $s->volumeSizeGiB, $s->storagePolicy]);
    }

    /** @return iterable<string, array{string, string}> */
    public static function ipAssignments(): iterable
    {
        yield 'IPv4 Only' => ['IPv4 Only', 'IPv4'];
        yield 'IPv6 Only' => ['IPv6 Only', 'IPv6'];
        yield 'Both' => ['Both', 'DualStack'];
        yield 'unset' => ['', 'IPv4'];
    }

    /** @dataProvider ipAssignments */
    public function testIpAssignmentBecomesIpMode(string $setting, string $ipMode): void
    {
        self::assertSame($ipMode, ProductSettings::fromParams(self::product(['configoption4' => $setting]))->ipMode);
    }

    /** @return iterable<string, array{string}> */
    public static function flavorOptionNames(): iterable
    {
        yield ['Server Size'];
        yield ['Flavor'];
        yield ['Plan'];
    }

    /** @dataProvider flavorOptionNames */
    public function testEverySeedFlavorOptionNameOverridesTheProductFlavor(string $name): void
    {
        self::assertSame('c1.large', ProductSettings::fromParams(self::product(['configoptions' => [$name => 'c1.large|Large (4 vCPU)']]))->flavor);
    }

    /** @return iterable<string, array{string}> */
    public static function imageOptionNames(): iterable
    {
        yield ['Operating System'];
        yield ['Image'];
        yield ['OS'];
    }

    /** @dataProvider imageOptionNames */
    public function testEverySeedImageOptionNameOverridesTheDefaultImage(string $name): void
    {
        self::assertSame('debian-12', ProductSettings::fromParams(self::product(['configoptions' => [$name . '|Pick your OS' => 'debian-12']]))->image);
    }

    public function testDiskOptionIsFlooredAtTheMinimumVolumeSize(): void
    {
        self::assertSame(80, ProductSettings::fromParams(self::product(['configoptions' => ['Disk Space' => '80 GB']]))->volumeSizeGiB);
        self::assertSame(50, ProductSettings::fromParams(self::product(['configoption6' => '50', 'configoptions' => ['Volume Size' => '20']]))->volumeSizeGiB);
        self::assertSame(30, ProductSettings::fromParams(self::product(['configoption6' => '', 'configoptions' => []]))->volumeSizeGiB);
    }

    public function testMissingFlavorIsAProductConfigurationError(): void
    {
        $this->expectException(ModuleError::class);
        $this->expectExceptionMessage('The product has no Flavor');

        ProductSettings::fromParams(self::product(['configoption1' => '']));
    }

    public function testUnknownIpAssignmentIsRefused(): void
    {
        $this->expectException(ModuleError::class);
        $this->expectExceptionMessage('"IP Assignment" has the unknown value "IPv5"');

        ProductSettings::fromParams(self::product(['configoption4' => 'IPv5']));
    }
}
