<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

/** Custom field values of one service, as WHMCS's serviceProperties keeps them. */
final class FakeServiceProperties
{
    /** @var array<string, string> */
    public array $values = [];

    public int $saves = 0;

    /** @param array<string, string> $values */
    public function save(array $values): void
    {
        $this->saves++;
        foreach ($values as $name => $value) {
            $this->values[$name] = $value;
        }
    }

    public function get(string $name): string
    {
        return $this->values[$name] ?? '';
    }
}
