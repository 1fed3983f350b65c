<?php

declare(strict_types=1);

// Loads the module the way WHMCS does, with a stand-in for the WHMCS functions it calls.
define('CLOUDPEK8S_TESTING', true);

require __DIR__ . '/Support/WhmcsStandIn.php';
require __DIR__ . '/Support/WhmcsFunctions.php';
require __DIR__ . '/Support/FakeServiceProperties.php';
require __DIR__ . '/Support/FakeServiceModel.php';
require __DIR__ . '/Support/StatusFixtures.php';
require __DIR__ . '/Support/Emulator.php';
require __DIR__ . '/Support/EmulatorTestCase.php';
require __DIR__ . '/../modules/servers/cloudpek8s/cloudpek8s.php';
