<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Integration;

use CloudPeK8s\Tests\Support\EmulatorTestCase;
use CloudPeK8s\Tests\Support\WhmcsStandIn;

/** Admin and client buttons, gated by status.phase, plus the client area and admin tab. */
final class ButtonsTest extends EmulatorTestCase
{
    /** @return array<string, mixed> params of a created VM in the given phase */
    private function vmIn(int $serviceId, string $phase): array
    {
        $params = $this->params($serviceId);
        $this->assertSuccess(\cloudpek8s_CreateAccount($params));
        $this->operatorWritesStatus('whmcs-' . $serviceId, ['phase' => $phase, 'vmId' => 'vm-' . $serviceId, 'ipv4' => '203.0.113.' . ($serviceId % 250), 'ipv6' => '2001:db8::' . dechex($serviceId)]);
        return $params;
    }

    /** @return array<string, string> */
    private function annotations(string $name): array
    {
        return $this->vm($name)['metadata']['annotations'] ?? [];
    }

    public function testAdminButtonsAreTheSeedActions(): void
    {
        self::assertSame(['Start VM', 'Stop VM', 'Restart VM', 'VNC Console', 'Change Password', 'Sync Status'], array_keys(\cloudpek8s_AdminCustomButtonArray()));
        foreach (\cloudpek8s_AdminCustomButtonArray() as $function) {
            self::assertTrue(function_exists('cloudpek8s_' . $function), $function);
        }
    }

    public function testClientButtonsFollowThePhase(): void
    {
        $running = $this->vmIn(201, 'Running');
        self::assertSame(['Stop', 'Restart', 'VNC Console', 'Reset Password'], array_keys(\cloudpek8s_ClientAreaCustomButtonArray($running)));

        $this->operatorWritesStatus('whmcs-201', ['phase' => 'Stopped']);
        self::assertSame(['Start' => 'StartVm'], \cloudpek8s_ClientAreaCustomButtonArray($running));

        $this->operatorWritesStatus('whmcs-201', ['phase' => 'Provisioning']);
        self::assertSame([], \cloudpek8s_ClientAreaCustomButtonArray($running));
    }

    public function testStopAndStartPatchThePowerStateOnlyInTheRightPhase(): void
    {
        $params = $this->vmIn(202, 'Running');

        self::assertSame('Start is not possible while the VM whmcs-202 is Running; it needs the VM Stopped.', \cloudpek8s_StartVm($params));
        $this->assertSuccess(\cloudpek8s_StopVm($params));
        self::assertSame('Stopped', $this->vm('whmcs-202')['spec']['powerState']);

        $this->operatorWritesStatus('whmcs-202', ['phase' => 'Stopped']);
        self::assertStringStartsWith('Stop is not possible while the VM whmcs-202 is Stopped', \cloudpek8s_StopVm($params));
        $this->assertSuccess(\cloudpek8s_StartVm($params));
        self::assertSame('Running', $this->vm('whmcs-202')['spec']['powerState']);
    }

    public function testRestartSetsTheRestartAnnotationOnlyWhenRunning(): void
    {
        $params = $this->vmIn(203, 'Stopped');
        self::assertStringStartsWith('Restart is not possible while the VM whmcs-203 is Stopped', \cloudpek8s_RestartVm($params));
        self::assertArrayNotHasKey('cloudpe.io/restart', $this->annotations('whmcs-203'));

        $this->operatorWritesStatus('whmcs-203', ['phase' => 'Running']);
        $this->assertSuccess(\cloudpek8s_RestartVm($params));
        $first = $this->annotations('whmcs-203')['cloudpe.io/restart'] ?? '';
        self::assertNotSame('', $first);

        $this->assertSuccess(\cloudpek8s_RestartVm($params));
        self::assertNotSame($first, $this->annotations('whmcs-203')['cloudpe.io/restart'], 'every press must be a new request');
    }

    public function testConsoleRequestAndLinkInTheClientArea(): void
    {
        $params = $this->vmIn(204, 'Running');

        $this->assertSuccess(\cloudpek8s_VncConsole($params));
        self::assertArrayHasKey('cloudpe.io/console', $this->annotations('whmcs-204'));

        $this->operatorWritesStatus('whmcs-204', ['console' => [
            'url' => 'https://console.example.test/vnc_auto.html?token=t204',
            'protocol' => 'vnc',
            'issuedAt' => gmdate('Y-m-d\TH:i:s\Z'),
            'expiresAt' => gmdate('Y-m-d\TH:i:s\Z', time() + 600),
        ]]);
        $area = \cloudpek8s_ClientArea($params);
        self::assertSame('templates/clientarea.tpl', $area['tabOverviewReplacementTemplate']);
        self::assertSame('https://console.example.test/vnc_auto.html?token=t204', $area['templateVariables']['consoleUrl']);
        self::assertStringContainsString('href="https://console.example.test/vnc_auto.html?token=t204"', \cloudpek8s_AdminServicesTabFields($params)['Console']);
    }

    public function testConsoleIsRefusedWhileSuspended(): void
    {
        $params = $this->vmIn(205, 'Suspended');

        self::assertSame('VNC Console is not possible while the VM whmcs-205 is Suspended; it needs the VM Running.', \cloudpek8s_VncConsole($params));
    }

    public function testSyncAsksTheOperatorAndCopiesStatusToCustomFields(): void
    {
        $params = $this->vmIn(206, 'Provisioning');

        $this->assertSuccess(\cloudpek8s_SyncStatus($params));

        self::assertArrayHasKey('cloudpe.io/sync', $this->annotations('whmcs-206'));
        self::assertSame(['VM ID' => 'vm-206', 'Public IPv4' => '203.0.113.206', 'Public IPv6' => '2001:db8::ce'], $params['model']->serviceProperties->values);
    }

    public function testClientAreaShowsPhaseAndAddressesAndFillsCustomFields(): void
    {
        $params = $this->vmIn(207, 'Running');

        $vars = \cloudpek8s_ClientArea($params)['templateVariables'];

        self::assertSame(['Running', '203.0.113.207', '2001:db8::cf', null], [$vars['phase'], $vars['ipv4'], $vars['ipv6'], $vars['consoleUrl']]);
        self::assertSame('vm-207', $params['model']->serviceProperties->get('VM ID'));
    }

    public function testClientAreaOfAnUnprovisionedServiceSaysSoWithoutError(): void
    {
        $vars = \cloudpek8s_ClientArea($this->params(208))['templateVariables'];

        self::assertFalse($vars['provisioned']);
        self::assertArrayNotHasKey('error', $vars);
    }

    public function testAdminTabShowsTheObjectPhaseAndProblem(): void
    {
        $params = $this->vmIn(209, 'Failed');
        $this->operatorWritesStatus('whmcs-209', ['conditions' => [['type' => 'Ready', 'status' => 'False', 'reason' => 'BuildFailed', 'message' => 'No valid host <found>', 'lastTransitionTime' => gmdate('Y-m-d\TH:i:s\Z')]]]);

        $fields = \cloudpek8s_AdminServicesTabFields($params);

        self::assertSame(self::$namespace . '/whmcs-209', $fields['CloudPeVM']);
        self::assertSame('Failed', $fields['Phase']);
        self::assertSame('BuildFailed: No valid host &lt;found&gt;', $fields['Problem']);
    }

    public function testChangePasswordWritesTheWhmcsPasswordToTheSecretWhenRunning(): void
    {
        $params = $this->vmIn(210, 'Running');

        $this->assertSuccess(\cloudpek8s_ChangePassword(array_replace($params, ['password' => 'Changed-Pass-210!'])));
        self::assertSame('Changed-Pass-210!', $this->secretPassword('whmcs-210-password'));

        $this->operatorWritesStatus('whmcs-210', ['phase' => 'Stopped']);
        self::assertStringStartsWith('Password change is not possible while the VM whmcs-210 is Stopped', \cloudpek8s_ChangePassword(array_replace($params, ['password' => 'Other-Pass-210!'])));
        self::assertSame('Changed-Pass-210!', $this->secretPassword('whmcs-210-password'));
    }

    public function testResetPasswordSetsANewPasswordOnTheVmAndInWhmcs(): void
    {
        $params = $this->vmIn(211, 'Running');
        WhmcsStandIn::reset();

        $this->assertSuccess(\cloudpek8s_ResetPassword($params));

        $new = $this->secretPassword('whmcs-211-password');
        self::assertNotSame('Order-Pass-211-x9!', $new);
        self::assertSame([['command' => 'UpdateClientProduct', 'values' => ['serviceid' => 211, 'servicepassword' => $new]]], WhmcsStandIn::$apiCalls);
    }

    public function testResetPasswordReportsWhenWhmcsDoesNotStoreIt(): void
    {
        $params = $this->vmIn(212, 'Running');
        WhmcsStandIn::$apiResult = 'Service ID Not Found';

        self::assertSame('The VM password was changed, but WHMCS did not store it: Service ID Not Found', \cloudpek8s_ResetPassword($params));
    }
}
