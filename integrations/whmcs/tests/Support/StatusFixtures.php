<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

use CloudPeK8s\KubeException;

/** Kubernetes Status bodies as an API server sends them, turned into the client's exceptions. */
final class StatusFixtures
{
    public static function exception(string $fixture, string $method, string $path): KubeException
    {
        $body = (string) file_get_contents(__DIR__ . '/../fixtures/status/' . $fixture . '.json');
        $status = json_decode($body, true, 512, JSON_THROW_ON_ERROR);
        return new KubeException((int) $status['code'], $status, $method, $path, (string) $status['message']);
    }
}
