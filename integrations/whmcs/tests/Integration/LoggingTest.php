<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Integration;

use CloudPeK8s\Tests\Support\EmulatorTestCase;
use CloudPeK8s\Tests\Support\WhmcsStandIn;

/** Every call reaches the module log, and no token or password does. */
final class LoggingTest extends EmulatorTestCase
{
    public function testEveryFunctionIsLoggedWithTokenAndPasswordsMasked(): void
    {
        $params = $this->params(401, ['password' => 'Order-Secret-401!']);
        $calls = [
            'TestConnection', 'LoaderFlavors', 'CreateAccount', 'SuspendAccount', 'UnsuspendAccount', 'ClientAreaCustomButtonArray',
            'ClientArea', 'AdminServicesTabFields', 'RestartVm', 'VncConsole', 'ChangePassword', 'ResetPassword', 'SyncStatus', 'StopVm',
            'StartVm', 'ChangePackage', 'TerminateAccount',
        ];
        foreach ($calls as $i => $function) {
            if ($i === 3) {
                $this->operatorWritesStatus('whmcs-401', ['phase' => 'Running']);
            }
            ('cloudpek8s_' . $function)($params);
        }
        $generated = WhmcsStandIn::$apiCalls[0]['values']['servicepassword'] ?? '';

        self::assertSame($calls, WhmcsStandIn::loggedActions());
        $log = WhmcsStandIn::logText();
        self::assertStringContainsString('PATCH ' . self::$emulator->url . '/apis/cloudpe.io/v1alpha1/namespaces/' . self::$namespace . '/cloudpevms/whmcs-401', $log);
        self::assertNotSame('', $generated);
        foreach (['token' => self::$token, 'order password' => 'Order-Secret-401!', 'generated password' => $generated] as $what => $secret) {
            self::assertStringNotContainsString($secret, $log, $what . ' leaked into the module log');
            self::assertStringNotContainsString(base64_encode($secret), $log, $what . ' (base64) leaked into the module log');
        }
        self::assertContains(self::$token, WhmcsStandIn::$log[0]['replace'], 'WHMCS must be told to mask the token too');
    }

    public function testErrorsAreLoggedWithTheMessageShownToTheAdmin(): void
    {
        $result = \cloudpek8s_StartVm($this->params(402));

        self::assertStringContainsString('does not exist', $result);
        self::assertStringContainsString('Error: ' . $result, WhmcsStandIn::logText());
    }
}
