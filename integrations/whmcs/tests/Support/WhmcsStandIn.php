<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

/**
 * Records what the module hands to WHMCS: module-log entries and localAPI calls. The global
 * functions below are the stand-ins for WHMCS's own.
 */
final class WhmcsStandIn
{
    /** @var list<array{module: string, action: string, request: string, response: string, processed: string, replace: array<mixed>}> */
    public static array $log = [];

    /** @var list<array{command: string, values: array<string, mixed>}> */
    public static array $apiCalls = [];

    /** What localAPI answers; a test can make WHMCS refuse. */
    public static string $apiResult = 'success';

    public static function reset(): void
    {
        self::$log = [];
        self::$apiCalls = [];
        self::$apiResult = 'success';
    }

    /** Everything written to the module log, as one text, for masking checks. */
    public static function logText(): string
    {
        return implode("\n", array_map(
            static fn (array $e): string => implode("\n", [$e['action'], $e['request'], $e['response'], $e['processed']]),
            self::$log,
        ));
    }

    /** @return list<string> the actions that were logged */
    public static function loggedActions(): array
    {
        return array_values(array_unique(array_map(static fn (array $e): string => $e['action'], self::$log)));
    }
}
