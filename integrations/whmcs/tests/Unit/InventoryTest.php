<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\Inventory;
use CloudPeK8s\ModuleError;
use PHPUnit\Framework\TestCase;

final class InventoryTest extends TestCase
{
    public function testDropdownValuesAreNamesWithUsefulLabels(): void
    {
        $server = ['status' => ['inventory' => [
            'flavors' => [['id' => 'f1', 'name' => 'c1.medium', 'vcpus' => 2, 'ramMiB' => 4096, 'diskGiB' => 20]],
            'networks' => [['id' => 'n1', 'name' => 'public-net', 'ipVersions' => [4, 6]]],
            'volumeTypes' => [['id' => 'v1', 'name' => '']],
        ]]];

        self::assertSame(['c1.medium' => 'c1.medium (2 vCPU, 4 GiB RAM, 20 GiB disk)'], Inventory::options($server, 'flavors'));
        self::assertSame(['public-net' => 'public-net (IPv4/IPv6)'], Inventory::options($server, 'networks'));
        self::assertSame(['v1' => 'v1'], Inventory::options($server, 'volumeTypes'));
    }

    public function testMissingInventoryNamesTheServerAndItsReadiness(): void
    {
        $server = ['metadata' => ['name' => 'mumbai'], 'status' => ['conditions' => [['type' => 'Ready', 'status' => 'False', 'reason' => 'AuthenticationFailed', 'message' => 'bad secret']]]];

        $this->expectException(ModuleError::class);
        $this->expectExceptionMessage('The CloudPeServer "mumbai" has no images in status.inventory yet (Ready=False AuthenticationFailed: bad secret)');

        Inventory::options($server, 'images');
    }
}
