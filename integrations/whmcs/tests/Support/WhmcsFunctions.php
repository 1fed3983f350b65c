<?php

declare(strict_types=1);

use CloudPeK8s\Tests\Support\WhmcsStandIn;

/**
 * WHMCS's logModuleCall; the stand-in stores the entry as given, without WHMCS's own masking,
 * so the tests see what the module itself lets through.
 *
 * @param array<mixed> $replaceVars
 */
function logModuleCall(string $module, string $action, mixed $requestString, mixed $responseData, mixed $processedData = '', array $replaceVars = []): void
{
    $text = static fn (mixed $v): string => is_string($v) ? $v : (string) json_encode($v);
    WhmcsStandIn::$log[] = [
        'module' => $module,
        'action' => $action,
        'request' => $text($requestString),
        'response' => $text($responseData),
        'processed' => $text($processedData),
        'replace' => $replaceVars,
    ];
}

/**
 * WHMCS's localAPI: records the call and answers as WHMCS would.
 *
 * @param array<string, mixed> $values
 * @return array<string, mixed>
 */
function localAPI(string $command, array $values, ?string $adminUser = null): array
{
    WhmcsStandIn::$apiCalls[] = ['command' => $command, 'values' => $values];
    $result = WhmcsStandIn::$apiResult;
    return $result === 'success'
        ? ['result' => 'success', 'serviceid' => $values['serviceid'] ?? null]
        : ['result' => 'error', 'message' => $result];
}
