<?php

/**
 * CloudPe on Kubernetes: a WHMCS provisioning module that manages CloudPeVM objects through the
 * Kubernetes API, for the CloudPe operator to turn into OpenStack VMs.
 *
 * Server settings: Hostname = Kubernetes API server URL, Password = ServiceAccount token,
 * Access Hash = "namespace/cloudpeserver" (+ optional CA), Secure = verify TLS.
 */

declare(strict_types=1);

use CloudPeK8s\CloudPeApi;
use CloudPeK8s\Gating;
use CloudPeK8s\Inventory;
use CloudPeK8s\Module;
use CloudPeK8s\ProductSettings;
use CloudPeK8s\ServiceActions;

if (!defined('WHMCS') && !defined('CLOUDPEK8S_TESTING')) {
    die('This file cannot be accessed directly');
}

foreach (['ModuleError', 'KubeException', 'Masker', 'ServerConnection', 'KubeClient', 'CloudPeApi', 'ProductSettings',
    'VmMapper', 'Gating', 'ErrorTranslator', 'WhmcsGateway', 'PasswordGenerator', 'Inventory', 'ServiceActions', 'Module'] as $cloudpek8sClass) {
    require_once __DIR__ . '/lib/' . $cloudpek8sClass . '.php';
}

/** @return array<string, mixed> */
function cloudpek8s_MetaData(): array
{
    return [
        'DisplayName' => 'CloudPe (Kubernetes operator)',
        'APIVersion' => '1.1',
        'RequiresServer' => true,
        'DefaultSSLPort' => '6443',
        'ServiceSingleSignOnLabel' => false,
        'AdminSingleSignOnLabel' => false,
    ];
}

/** @return array<string, array<string, mixed>> configoption1-7, in the seed module's order */
function cloudpek8s_ConfigOptions(): array
{
    return [
        'Flavor' => ['Type' => 'text', 'Size' => '30', 'Loader' => 'cloudpek8s_LoaderFlavors', 'SimpleMode' => true, 'Description' => 'VM size (from the CloudPeServer inventory)'],
        'Default Image' => ['Type' => 'text', 'Size' => '30', 'Loader' => 'cloudpek8s_LoaderImages', 'SimpleMode' => true, 'Description' => 'OS image when the order has no Operating System option'],
        'Network' => ['Type' => 'text', 'Size' => '30', 'Loader' => 'cloudpek8s_LoaderNetworks', 'SimpleMode' => true],
        'IP Assignment' => ['Type' => 'dropdown', 'Options' => implode(',', array_keys(ProductSettings::IP_ASSIGNMENTS)), 'Default' => 'IPv4 Only', 'SimpleMode' => true],
        'Security Group' => ['Type' => 'text', 'Size' => '30', 'Loader' => 'cloudpek8s_LoaderSecurityGroups', 'SimpleMode' => true],
        'Minimum Volume Size' => ['Type' => 'text', 'Size' => '5', 'Default' => (string) ProductSettings::DEFAULT_MIN_VOLUME_GIB, 'Description' => 'GiB; the disk option is raised to at least this', 'SimpleMode' => true],
        'Storage Policy' => ['Type' => 'text', 'Size' => '30', 'Loader' => 'cloudpek8s_LoaderStoragePolicies', 'SimpleMode' => true, 'Description' => 'Volume type, e.g. General Purpose'],
    ];
}

/**
 * Dropdown loaders: WHMCS shows the thrown exception's message when the inventory is unavailable.
 *
 * @param array<string, mixed> $params
 * @return array<string, string>
 */
function cloudpek8s_LoaderFlavors(array $params): array
{
    return cloudpek8s_loadInventory('LoaderFlavors', $params, 'flavors');
}

/** @param array<string, mixed> $params @return array<string, string> */
function cloudpek8s_LoaderImages(array $params): array
{
    return cloudpek8s_loadInventory('LoaderImages', $params, 'images');
}

/** @param array<string, mixed> $params @return array<string, string> */
function cloudpek8s_LoaderNetworks(array $params): array
{
    return cloudpek8s_loadInventory('LoaderNetworks', $params, 'networks');
}

/** @param array<string, mixed> $params @return array<string, string> */
function cloudpek8s_LoaderSecurityGroups(array $params): array
{
    return cloudpek8s_loadInventory('LoaderSecurityGroups', $params, 'securityGroups');
}

/** @param array<string, mixed> $params @return array<string, string> */
function cloudpek8s_LoaderStoragePolicies(array $params): array
{
    return cloudpek8s_loadInventory('LoaderStoragePolicies', $params, 'volumeTypes');
}

/**
 * @param array<string, mixed> $params
 * @return array<string, string>
 */
function cloudpek8s_loadInventory(string $action, array $params, string $list): array
{
    [$options, $error] = Module::attempt($action, $params, static fn (ServiceActions $a, CloudPeApi $api): array => Inventory::options($api->getServer(), $list));
    if ($error !== null) {
        throw new \Exception($error);
    }
    return $options;
}

/**
 * @param array<string, mixed> $params
 * @return array{success: bool, error: string}
 */
function cloudpek8s_TestConnection(array $params): array
{
    [, $error] = Module::attempt('TestConnection', $params, static fn (ServiceActions $a) => $a->testConnection());
    return ['success' => $error === null, 'error' => $error ?? ''];
}

/** @param array<string, mixed> $params */
function cloudpek8s_CreateAccount(array $params): string
{
    return Module::command('CreateAccount', $params, static fn (ServiceActions $a) => $a->createAccount());
}

/** @param array<string, mixed> $params */
function cloudpek8s_SuspendAccount(array $params): string
{
    return Module::command('SuspendAccount', $params, static fn (ServiceActions $a) => $a->suspend());
}

/** @param array<string, mixed> $params */
function cloudpek8s_UnsuspendAccount(array $params): string
{
    return Module::command('UnsuspendAccount', $params, static fn (ServiceActions $a) => $a->unsuspend());
}

/** @param array<string, mixed> $params */
function cloudpek8s_TerminateAccount(array $params): string
{
    return Module::command('TerminateAccount', $params, static fn (ServiceActions $a) => $a->terminate());
}

/** @param array<string, mixed> $params */
function cloudpek8s_ChangePackage(array $params): string
{
    return Module::command('ChangePackage', $params, static fn (ServiceActions $a) => $a->changePackage());
}

/** @param array<string, mixed> $params */
function cloudpek8s_ChangePassword(array $params): string
{
    return Module::command('ChangePassword', $params, static fn (ServiceActions $a) => $a->changePassword());
}

/** @return array<string, string> admin buttons: label => function suffix */
function cloudpek8s_AdminCustomButtonArray(): array
{
    return [
        'Start VM' => 'StartVm',
        'Stop VM' => 'StopVm',
        'Restart VM' => 'RestartVm',
        'VNC Console' => 'VncConsole',
        'Change Password' => 'ChangePassword',
        'Sync Status' => 'SyncStatus',
    ];
}

/**
 * Client buttons depend on the VM's phase: Start when stopped; Stop, Restart, VNC Console and
 * Reset Password when running.
 *
 * @param array<string, mixed> $params
 * @return array<string, string>
 */
function cloudpek8s_ClientAreaCustomButtonArray(array $params = []): array
{
    [$buttons] = Module::attempt('ClientAreaCustomButtonArray', $params, static fn (ServiceActions $a): array => $a->clientButtons());
    return $buttons ?? [];
}

/**
 * Every client function stays callable so a click on a stale page gets the gating message
 * instead of WHMCS's generic refusal.
 *
 * @return list<string>
 */
function cloudpek8s_ClientAreaAllowedFunctions(): array
{
    return Gating::clientFunctions();
}

/** @param array<string, mixed> $params */
function cloudpek8s_StartVm(array $params): string
{
    return Module::command('StartVm', $params, static fn (ServiceActions $a) => $a->start());
}

/** @param array<string, mixed> $params */
function cloudpek8s_StopVm(array $params): string
{
    return Module::command('StopVm', $params, static fn (ServiceActions $a) => $a->stop());
}

/** @param array<string, mixed> $params */
function cloudpek8s_RestartVm(array $params): string
{
    return Module::command('RestartVm', $params, static fn (ServiceActions $a) => $a->restart());
}

/** @param array<string, mixed> $params */
function cloudpek8s_VncConsole(array $params): string
{
    return Module::command('VncConsole', $params, static fn (ServiceActions $a) => $a->console());
}

/** @param array<string, mixed> $params */
function cloudpek8s_SyncStatus(array $params): string
{
    return Module::command('SyncStatus', $params, static fn (ServiceActions $a) => $a->sync());
}

/** @param array<string, mixed> $params */
function cloudpek8s_ResetPassword(array $params): string
{
    return Module::command('ResetPassword', $params, static fn (ServiceActions $a) => $a->resetPassword());
}

/**
 * @param array<string, mixed> $params
 * @return array<string, mixed>
 */
function cloudpek8s_ClientArea(array $params): array
{
    [$vars, $error] = Module::attempt('ClientArea', $params, static fn (ServiceActions $a): array => $a->clientArea());
    return [
        'tabOverviewReplacementTemplate' => 'templates/clientarea.tpl',
        'templateVariables' => $vars ?? ['provisioned' => false, 'error' => $error],
    ];
}

/**
 * @param array<string, mixed> $params
 * @return array<string, string> label => HTML
 */
function cloudpek8s_AdminServicesTabFields(array $params): array
{
    [$fields, $error] = Module::attempt('AdminServicesTabFields', $params, static fn (ServiceActions $a): array => $a->adminFields());
    if ($error !== null) {
        return ['CloudPeVM' => '<span class="label label-danger">' . htmlspecialchars($error, ENT_QUOTES) . '</span>'];
    }
    $html = [];
    foreach ($fields as $label => $value) {
        $escaped = htmlspecialchars($value, ENT_QUOTES);
        $html[$label] = $label === 'Console' && $value !== '' ? '<a href="' . $escaped . '" target="_blank" rel="noopener">Open console</a>' : $escaped;
    }
    return $html;
}
