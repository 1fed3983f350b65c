<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

/**
 * The Kubernetes API emulator (src/CloudPe.KubeEmulator) as a real process with the CRDs applied:
 * built once, started on first use, stopped when the test run ends.
 */
final class Emulator
{
    private const START_DEADLINE_SECONDS = 90;

    private static ?self $shared = null;
    private static ?string $failure = null;

    /** @param resource $process */
    private function __construct(
        private $process,
        public readonly string $url,
        public readonly string $adminToken,
        public readonly string $caPem,
        public readonly string $kubeconfig,
        private readonly string $workDir,
    ) {
    }

    public static function repoRoot(): string
    {
        return dirname(__DIR__, 4);
    }

    /** The running emulator; throws with the reason when it cannot be started. */
    public static function shared(): self
    {
        if (self::$shared !== null) {
            return self::$shared;
        }
        if (self::$failure !== null) {
            throw new \RuntimeException(self::$failure);
        }
        try {
            self::$shared = self::start();
            register_shutdown_function(static fn () => self::$shared?->stop());
            return self::$shared;
        } catch (\RuntimeException $e) {
            self::$failure = $e->getMessage();
            throw $e;
        }
    }

    private static function start(): self
    {
        $root = self::repoRoot();
        $project = $root . '/src/CloudPe.KubeEmulator';
        $dll = $project . '/bin/Release/net10.0/CloudPe.KubeEmulator.dll';
        if (getenv('WHMCS_EMULATOR_NO_BUILD') !== '1') {
            $out = [];
            exec('cd ' . escapeshellarg($root) . ' && dotnet build ' . escapeshellarg($project) . ' -c Release -nologo -v q -clp:ErrorsOnly 2>&1', $out, $rc);
            if ($rc !== 0) {
                throw new \RuntimeException("dotnet build of the Kubernetes API emulator failed:\n" . implode("\n", array_slice($out, -20)));
            }
        }
        if (!is_file($dll)) {
            throw new \RuntimeException('The Kubernetes API emulator is not built: ' . $dll . ' is missing.');
        }

        $work = sys_get_temp_dir() . '/cloudpek8s-emulator-' . getmypid() . '-' . bin2hex(random_bytes(3));
        mkdir($work, 0700, true);
        $kubeconfig = $work . '/kubeconfig';
        $command = ['dotnet', $dll, '--kubeconfig', $kubeconfig, '--port', '0', '--apply', $root . '/config/crd'];
        $process = proc_open($command, [0 => ['file', '/dev/null', 'r'], 1 => ['file', $work . '/emulator.log', 'w'], 2 => ['file', $work . '/emulator.log', 'a']], $pipes, $root);
        if (!is_resource($process)) {
            throw new \RuntimeException('Could not start the Kubernetes API emulator.');
        }

        $deadline = microtime(true) + self::START_DEADLINE_SECONDS;
        $config = null;
        while (microtime(true) < $deadline) {
            // The kubeconfig is written before --apply has run; the URL line is printed after it.
            $ready = str_contains((string) @file_get_contents($work . '/emulator.log'), 'listening on');
            $config = $ready && is_file($kubeconfig) ? self::parseKubeconfig((string) file_get_contents($kubeconfig)) : null;
            if ($config !== null || !proc_get_status($process)['running']) {
                break;
            }
            usleep(100_000);
        }
        if ($config === null) {
            proc_terminate($process);
            proc_close($process);
            throw new \RuntimeException("The Kubernetes API emulator wrote no usable kubeconfig within the deadline. Its output:\n" . substr((string) @file_get_contents($work . '/emulator.log'), -3000));
        }
        return new self($process, $config['server'], $config['token'], $config['ca'], $kubeconfig, $work);
    }

    /**
     * Reads server, CA and token from the kubeconfig the emulator writes (simple YAML, one of each).
     *
     * @return array{server: string, token: string, ca: string}|null
     */
    public static function parseKubeconfig(string $yaml): ?array
    {
        $find = static fn (string $key): string => preg_match('/^\s*' . $key . ':\s*"?([^"\s]+)"?\s*$/m', $yaml, $m) ? $m[1] : '';
        $server = $find('server');
        $token = $find('token');
        $ca = base64_decode($find('certificate-authority-data'), true);
        if ($server === '' || $token === '' || (str_starts_with($server, 'https') && !is_string($ca))) {
            return null;
        }
        return ['server' => $server, 'token' => $token, 'ca' => is_string($ca) ? $ca : ''];
    }

    public function stop(): void
    {
        if (is_resource($this->process)) {
            proc_terminate($this->process);
            proc_close($this->process);
        }
        exec('rm -rf ' . escapeshellarg($this->workDir));
    }

    /** A scratch directory removed with the emulator (kubectl's discovery cache lives here). */
    public function workDir(): string
    {
        return $this->workDir;
    }

    /** The emulator's output so far, for failure messages. */
    public function log(): string
    {
        return substr((string) @file_get_contents($this->workDir . '/emulator.log'), -3000);
    }
}
