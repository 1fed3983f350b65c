<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * What each WHMCS module function does to the service's CloudPeVM and password Secret.
 * Methods throw (ModuleError or KubeException); the Module runner turns that into WHMCS's answer.
 */
final class ServiceActions
{
    public const ANNOTATION_RESTART = 'cloudpe.io/restart';
    public const ANNOTATION_CONSOLE = 'cloudpe.io/console';
    public const ANNOTATION_SYNC = 'cloudpe.io/sync';

    /**
     * @param array<string, mixed> $params
     */
    public function __construct(
        private readonly array $params,
        private readonly CloudPeApi $api,
        private readonly WhmcsGateway $whmcs,
        private readonly Masker $masker,
    ) {
    }

    public function vmName(): string
    {
        return VmMapper::vmName(VmMapper::serviceId($this->params));
    }

    public function testConnection(): void
    {
        $server = $this->api->getServer();
        $problem = VmMapper::problem($server);
        if ($problem !== '') {
            throw new ModuleError('Connected, but the CloudPeServer "' . $this->api->serverName() . '" is not Ready: ' . $problem);
        }
    }

    /**
     * Creates the password Secret, then the CloudPeVM. A retry after a partial success converges:
     * an existing object of this service is brought to the desired state instead of failing.
     */
    public function createAccount(): void
    {
        $settings = ProductSettings::fromParams($this->params);
        $password = (string) ($this->params['password'] ?? '');
        if ($password === '') {
            $password = PasswordGenerator::generate();
            $this->masker->add($password);
            $this->whmcs->setServicePassword(VmMapper::serviceId($this->params), $password);
        }
        $this->ensurePasswordSecret($password);

        $desired = VmMapper::desiredVm($this->params, $settings, $this->api->serverName());
        try {
            $vm = $this->api->createVm($desired);
        } catch (KubeException $e) {
            if (!$e->isAlreadyExists()) {
                throw $e;
            }
            $existing = $this->api->getVm($this->vmName());
            $this->requireOwned($existing, 'CloudPeVM');
            if (isset($existing['metadata']['deletionTimestamp'])) {
                throw new ModuleError('The CloudPeVM "' . $this->vmName() . '" from an earlier termination is still being deleted; run Create again when it is gone.');
            }
            $vm = $this->api->patchVm($this->vmName(), ['metadata' => ['labels' => $desired['metadata']['labels']], 'spec' => $desired['spec']]);
        }
        $this->whmcs->saveCustomFields($this->params, VmMapper::customFields($vm));
    }

    public function suspend(): void
    {
        $this->setPowerState('Suspended');
    }

    public function unsuspend(): void
    {
        $this->setPowerState('Running');
    }

    public function terminate(): void
    {
        $this->api->deleteVm($this->vmName());
        $this->api->deleteSecret(VmMapper::secretName($this->vmName()));
        $this->whmcs->saveCustomFields($this->params, array_fill_keys([VmMapper::FIELD_VM_ID, VmMapper::FIELD_IPV4, VmMapper::FIELD_IPV6], ''));
    }

    /** Applies the new package's flavor, security group and (growing only) volume size. */
    public function changePackage(): void
    {
        $settings = ProductSettings::fromParams($this->params);
        $vm = $this->api->getVm($this->vmName());
        $current = (int) ($vm['spec']['volume']['sizeGiB'] ?? 0);
        if ($settings->volumeSizeGiB < $current) {
            throw new ModuleError(sprintf(
                'The new package has a %d GiB disk but the VM %s already has %d GiB; volumes can grow but never shrink. Choose a disk of at least %d GiB.',
                $settings->volumeSizeGiB,
                $this->vmName(),
                $current,
                $current,
            ));
        }
        $spec = ['flavor' => $settings->flavor, 'volume' => ['sizeGiB' => $settings->volumeSizeGiB]];
        if ($settings->securityGroup !== '') {
            $spec['securityGroup'] = $settings->securityGroup;
        }
        $this->api->patchVm($this->vmName(), ['spec' => $spec]);
    }

    /** Sends the service password stored in WHMCS to the VM (through its password Secret). */
    public function changePassword(): void
    {
        $this->requirePhase(Gating::PASSWORD);
        $password = (string) ($this->params['password'] ?? '');
        if ($password === '') {
            throw new ModuleError('The service has no password in WHMCS to set on the VM.');
        }
        $this->ensurePasswordSecret($password);
    }

    /** Generates a new password, sets it on the VM and stores it in WHMCS for the client to see. */
    public function resetPassword(): void
    {
        $this->requirePhase(Gating::PASSWORD);
        $password = PasswordGenerator::generate();
        $this->masker->add($password);
        $this->ensurePasswordSecret($password);
        $this->whmcs->setServicePassword(VmMapper::serviceId($this->params), $password);
    }

    public function start(): void
    {
        $this->requirePhase(Gating::START);
        $this->api->patchVm($this->vmName(), ['spec' => ['powerState' => 'Running']]);
    }

    public function stop(): void
    {
        $this->requirePhase(Gating::STOP);
        $this->api->patchVm($this->vmName(), ['spec' => ['powerState' => 'Stopped']]);
    }

    public function restart(): void
    {
        $this->requirePhase(Gating::RESTART);
        $this->annotate(self::ANNOTATION_RESTART);
    }

    /** Asks the operator for a fresh console URL; the client area and admin tab show it. */
    public function console(): void
    {
        $this->requirePhase(Gating::CONSOLE);
        $this->annotate(self::ANNOTATION_CONSOLE);
    }

    /** Asks the operator to refresh from the cloud and copies the current status to the custom fields. */
    public function sync(): void
    {
        $vm = $this->annotate(self::ANNOTATION_SYNC);
        $this->whmcs->saveCustomFields($this->params, VmMapper::customFields($vm));
    }

    /**
     * @return array<string, mixed> template variables for the client area
     */
    public function clientArea(): array
    {
        $vm = $this->api->findVm($this->vmName());
        if ($vm === null) {
            return ['provisioned' => false, 'vmName' => $this->vmName()];
        }
        $fields = VmMapper::customFields($vm);
        $this->whmcs->saveCustomFields($this->params, $fields);
        return [
            'provisioned' => true,
            'vmName' => $this->vmName(),
            'phase' => VmMapper::phase($vm),
            'vmId' => $fields[VmMapper::FIELD_VM_ID],
            'ipv4' => $fields[VmMapper::FIELD_IPV4],
            'ipv6' => $fields[VmMapper::FIELD_IPV6],
            'consoleUrl' => VmMapper::consoleUrl($vm, new \DateTimeImmutable('now')),
            'problem' => VmMapper::problem($vm),
        ];
    }

    /** @return array<string, string> label => value (plain text; the caller escapes) */
    public function adminFields(): array
    {
        $vm = $this->api->findVm($this->vmName());
        $object = $this->api->namespace() . '/' . $this->vmName();
        if ($vm === null) {
            return ['CloudPeVM' => $object . ' (not created)'];
        }
        return [
            'CloudPeVM' => $object,
            'Phase' => VmMapper::phase($vm),
            'Power state (spec)' => (string) ($vm['spec']['powerState'] ?? ''),
            'Flavor' => (string) ($vm['spec']['flavor'] ?? ''),
            'Volume (GiB)' => (string) ($vm['spec']['volume']['sizeGiB'] ?? ''),
            'Public IPv4' => VmMapper::customFields($vm)[VmMapper::FIELD_IPV4],
            'Public IPv6' => VmMapper::customFields($vm)[VmMapper::FIELD_IPV6],
            'Console' => VmMapper::consoleUrl($vm, new \DateTimeImmutable('now')) ?? '',
            'Problem' => VmMapper::problem($vm),
        ];
    }

    /** @return array<string, string> */
    public function clientButtons(): array
    {
        $vm = $this->api->findVm($this->vmName());
        return $vm === null ? [] : Gating::clientButtons(VmMapper::phase($vm));
    }

    private function setPowerState(string $state): void
    {
        $this->api->patchVm($this->vmName(), ['spec' => ['powerState' => $state]]);
    }

    private function requirePhase(string $action): void
    {
        Gating::require($action, VmMapper::phase($this->api->getVm($this->vmName())), $this->vmName());
    }

    /** @return array<string, mixed> the VM after the patch */
    private function annotate(string $annotation): array
    {
        $token = gmdate('Y-m-d\TH:i:s\Z') . '-' . bin2hex(random_bytes(3));
        return $this->api->patchVm($this->vmName(), ['metadata' => ['annotations' => [$annotation => $token]]]);
    }

    private function ensurePasswordSecret(string $password): void
    {
        $secret = VmMapper::passwordSecret($this->params, $password);
        $name = (string) $secret['metadata']['name'];
        try {
            $this->api->createSecret($secret);
        } catch (KubeException $e) {
            if (!$e->isAlreadyExists()) {
                throw $e;
            }
            $this->updateOwnedSecret($name, $secret['data']);
        }
    }

    /** @param array<string, string> $data */
    private function updateOwnedSecret(string $name, array $data): void
    {
        $serviceId = (string) VmMapper::serviceId($this->params);
        try {
            $this->api->replaceOwnedSecretData($name, VmMapper::SERVICE_LABEL, $serviceId, $data);
        } catch (KubeException $e) {
            // A failed "test" operation: the Secret is not labelled as this service's.
            if ($e->httpCode !== 422) {
                throw $e;
            }
            throw $this->notOwned('Secret', $name);
        }
    }

    /**
     * An existing object is reused only when it carries this service's label, so a name clash with
     * someone else's object never overwrites it.
     *
     * @param array<string, mixed> $object
     */
    private function requireOwned(array $object, string $kind): void
    {
        if ((string) ($object['metadata']['labels'][VmMapper::SERVICE_LABEL] ?? '') !== (string) VmMapper::serviceId($this->params)) {
            throw $this->notOwned($kind, (string) ($object['metadata']['name'] ?? ''));
        }
    }

    private function notOwned(string $kind, string $name): ModuleError
    {
        return new ModuleError(sprintf(
            'The %s "%s" already exists in namespace "%s" but is not labelled %s=%s, so WHMCS will not take it over. Delete or rename it, then run Create again.',
            $kind,
            $name,
            $this->api->namespace(),
            VmMapper::SERVICE_LABEL,
            (string) VmMapper::serviceId($this->params),
        ));
    }
}
