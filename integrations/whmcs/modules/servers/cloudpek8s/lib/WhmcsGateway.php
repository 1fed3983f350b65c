<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * The WHMCS functions the module calls: the module log, service custom fields (through the
 * service model's serviceProperties) and localAPI for the service password.
 */
final class WhmcsGateway
{
    public const MODULE = 'cloudpek8s';

    public function __construct(private readonly Masker $masker)
    {
    }

    /**
     * Logs one call to the module log with every known secret masked before it leaves the module;
     * the secrets are also passed to WHMCS so its own masking applies.
     */
    public function log(string $action, string $request, string $response, string $processed = ''): void
    {
        if (!function_exists('logModuleCall')) {
            return;
        }
        logModuleCall(
            self::MODULE,
            $action,
            $this->masker->maskBody($request),
            $this->masker->maskBody($response),
            $this->masker->maskBody($processed),
            $this->masker->secrets(),
        );
    }

    /**
     * Writes the fields that differ from what WHMCS passed in.
     *
     * @param array<string, mixed> $params
     * @param array<string, string> $fields custom field name => value
     * @return array<string, string> the fields that were written
     */
    public function saveCustomFields(array $params, array $fields): array
    {
        $current = is_array($params['customfields'] ?? null) ? $params['customfields'] : [];
        $changed = array_filter(
            $fields,
            static fn (string $value, string $name): bool => (string) ($current[$name] ?? '') !== $value,
            ARRAY_FILTER_USE_BOTH,
        );
        $model = $params['model'] ?? null;
        if ($changed === [] || !is_object($model)) {
            return [];
        }
        // WHMCS 7+: saves by field name (creating an admin-only field when the product lacks it).
        $model->serviceProperties->save($changed);
        return $changed;
    }

    /** Stores a new service password in WHMCS so the client and admin see what the VM uses. */
    public function setServicePassword(int $serviceId, string $password): void
    {
        if (!function_exists('localAPI')) {
            throw new ModuleError('WHMCS localAPI is not available to store the new service password.');
        }
        $result = localAPI('UpdateClientProduct', ['serviceid' => $serviceId, 'servicepassword' => $password]);
        if (!is_array($result) || ($result['result'] ?? '') !== 'success') {
            $why = is_array($result) ? (string) ($result['message'] ?? 'no message') : 'no answer';
            throw new ModuleError('The VM password was changed, but WHMCS did not store it: ' . $this->masker->mask($why));
        }
    }
}
