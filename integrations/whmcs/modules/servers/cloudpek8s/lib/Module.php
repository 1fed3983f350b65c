<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Wires one WHMCS call: connection from the server settings, masked call logging, the actions,
 * and the translation of any failure into the message WHMCS shows.
 */
final class Module
{
    /**
     * Runs a command and answers in WHMCS's convention: "success" or the error text.
     *
     * @param array<string, mixed> $params
     * @param callable(ServiceActions): void $work
     */
    public static function command(string $action, array $params, callable $work): string
    {
        [, $error] = self::attempt($action, $params, $work);
        return $error ?? 'success';
    }

    /**
     * Runs work and returns [result, null] or [null, error text].
     *
     * @template T
     * @param array<string, mixed> $params
     * @param callable(ServiceActions, CloudPeApi): T $work
     * @return array{0: T|null, 1: string|null}
     */
    public static function attempt(string $action, array $params, callable $work): array
    {
        $masker = new Masker([$params['serverpassword'] ?? null, $params['password'] ?? null]);
        $whmcs = new WhmcsGateway($masker);
        $namespace = '';
        try {
            $connection = ServerConnection::fromParams($params);
            $namespace = $connection->namespace;
            $client = new KubeClient(
                $connection,
                static function (string $method, string $url, string $request, int $code, string $response) use ($whmcs, $action): void {
                    $whmcs->log($action, $method . ' ' . $url . "\n" . $request, 'HTTP ' . $code . "\n" . $response);
                },
            );
            $api = new CloudPeApi($client);
            return [$work(new ServiceActions($params, $api, $whmcs, $masker), $api), null];
        } catch (\Throwable $e) {
            $error = (new ErrorTranslator($masker, $namespace))->translate($e);
            $whmcs->log($action, '', '', 'Error: ' . $error);
            return [null, $error];
        }
    }
}
