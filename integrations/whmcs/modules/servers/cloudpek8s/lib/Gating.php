<?php

declare(strict_types=1);

namespace CloudPeK8s;

/**
 * Which button may act in which CloudPeVM phase (status.phase). The operator rejects actions in
 * the wrong state too; checking here gives the admin or client an immediate, clear answer.
 */
final class Gating
{
    public const START = 'start';
    public const STOP = 'stop';
    public const RESTART = 'restart';
    public const CONSOLE = 'console';
    public const PASSWORD = 'password';
    public const SYNC = 'sync';

    /** @var array<string, list<string>|null> action => phases it is allowed in (null = always) */
    private const RULES = [
        self::START => ['Stopped'],
        self::STOP => ['Running'],
        self::RESTART => ['Running'],
        self::CONSOLE => ['Running'],
        self::PASSWORD => ['Running'],
        self::SYNC => null,
    ];

    private const LABELS = [
        self::START => 'Start',
        self::STOP => 'Stop',
        self::RESTART => 'Restart',
        self::CONSOLE => 'VNC Console',
        self::PASSWORD => 'Password change',
        self::SYNC => 'Sync Status',
    ];

    /** Client-area buttons (label => module function suffix) in display order. */
    private const CLIENT_BUTTONS = [
        'Start' => ['StartVm', self::START],
        'Stop' => ['StopVm', self::STOP],
        'Restart' => ['RestartVm', self::RESTART],
        'VNC Console' => ['VncConsole', self::CONSOLE],
        'Reset Password' => ['ResetPassword', self::PASSWORD],
    ];

    public static function allows(string $action, string $phase): bool
    {
        if (!array_key_exists($action, self::RULES)) {
            return false;
        }
        $phases = self::RULES[$action];
        return $phases === null || in_array($phase, $phases, true);
    }

    /** Throws a ModuleError saying why the action cannot run in this phase. */
    public static function require(string $action, string $phase, string $vmName): void
    {
        if (self::allows($action, $phase)) {
            return;
        }
        $needed = self::RULES[$action] ?? [];
        throw new ModuleError(sprintf(
            '%s is not possible while the VM %s is %s; it needs the VM %s.',
            self::LABELS[$action] ?? $action,
            $vmName,
            $phase,
            implode(' or ', $needed),
        ));
    }

    /**
     * @return array<string, string> label => function suffix, only the buttons the phase allows
     */
    public static function clientButtons(string $phase): array
    {
        $buttons = [];
        foreach (self::CLIENT_BUTTONS as $label => [$function, $action]) {
            if (self::allows($action, $phase)) {
                $buttons[$label] = $function;
            }
        }
        return $buttons;
    }

    /** @return list<string> every client function, for WHMCS's allowed-functions list */
    public static function clientFunctions(): array
    {
        return array_values(array_map(static fn (array $b): string => $b[0], self::CLIENT_BUTTONS));
    }
}
