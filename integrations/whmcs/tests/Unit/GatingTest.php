<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\Gating;
use CloudPeK8s\ModuleError;
use PHPUnit\Framework\TestCase;

final class GatingTest extends TestCase
{
    /** @return iterable<string, array{string, string, bool}> */
    public static function rules(): iterable
    {
        $phases = ['Pending', 'Provisioning', 'Running', 'Stopped', 'Suspended', 'Resizing', 'Deleting', 'Failed'];
        $allowed = [
            Gating::START => ['Stopped'],
            Gating::STOP => ['Running'],
            Gating::RESTART => ['Running'],
            Gating::CONSOLE => ['Running'],
            Gating::PASSWORD => ['Running'],
            Gating::SYNC => $phases,
        ];
        foreach ($allowed as $action => $okPhases) {
            foreach ($phases as $phase) {
                yield "$action in $phase" => [$action, $phase, in_array($phase, $okPhases, true)];
            }
        }
    }

    /**
     * @dataProvider rules
     */
    public function testActionIsAllowedOnlyInItsPhases(string $action, string $phase, bool $expected): void
    {
        self::assertSame($expected, Gating::allows($action, $phase));
    }

    public function testClientSeesStartOnlyWhenStopped(): void
    {
        self::assertSame(['Start' => 'StartVm'], Gating::clientButtons('Stopped'));
    }

    public function testClientSeesStopRestartConsoleAndResetWhenRunning(): void
    {
        self::assertSame(
            ['Stop' => 'StopVm', 'Restart' => 'RestartVm', 'VNC Console' => 'VncConsole', 'Reset Password' => 'ResetPassword'],
            Gating::clientButtons('Running'),
        );
    }

    public function testClientSeesNoButtonWhileProvisioningOrSuspended(): void
    {
        self::assertSame([], Gating::clientButtons('Provisioning'));
        self::assertSame([], Gating::clientButtons('Suspended'));
    }

    public function testRefusalSaysWhatStateIsNeeded(): void
    {
        $this->expectException(ModuleError::class);
        $this->expectExceptionMessage('Restart is not possible while the VM whmcs-7 is Stopped; it needs the VM Running.');

        Gating::require(Gating::RESTART, 'Stopped', 'whmcs-7');
    }

    public function testUnknownActionIsNeverAllowed(): void
    {
        self::assertFalse(Gating::allows('format-disk', 'Running'));
    }

    public function testEveryClientButtonIsAnAllowedFunction(): void
    {
        self::assertEqualsCanonicalizing(['StartVm', 'StopVm', 'RestartVm', 'VncConsole', 'ResetPassword'], Gating::clientFunctions());
        self::assertSame(Gating::clientFunctions(), \cloudpek8s_ClientAreaAllowedFunctions());
    }
}
