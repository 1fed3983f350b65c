<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Support;

/**
 * Stands in for WHMCS's service model ($params['model']) and its serviceProperties, which store
 * custom field values by field name.
 */
final class FakeServiceModel
{
    public FakeServiceProperties $serviceProperties;

    public function __construct()
    {
        $this->serviceProperties = new FakeServiceProperties();
    }
}
