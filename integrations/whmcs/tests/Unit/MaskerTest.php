<?php

declare(strict_types=1);

namespace CloudPeK8s\Tests\Unit;

use CloudPeK8s\Masker;
use PHPUnit\Framework\TestCase;

final class MaskerTest extends TestCase
{
    public function testMasksPlainBase64AndJsonEscapedForms(): void
    {
        $masker = new Masker(['eyJhbGciOi.token/part', 'pa"ss/word']);
        $text = 'Bearer eyJhbGciOi.token/part ' . base64_encode('pa"ss/word') . ' ' . json_encode('pa"ss/word');

        $masked = $masker->mask($text);

        self::assertStringNotContainsString('eyJhbGciOi', $masked);
        self::assertStringNotContainsString(base64_encode('pa"ss/word'), $masked);
        self::assertStringNotContainsString('ss\/word', $masked);
        self::assertStringNotContainsString('ss/word', $masked);
        self::assertSame(3, substr_count($masked, Masker::MASK));
    }

    public function testRedactsSecretKeysInJsonBodiesWhateverTheirValue(): void
    {
        $body = json_encode([
            'kind' => 'Secret',
            'metadata' => ['name' => 'whmcs-1-password'],
            'data' => ['password' => base64_encode('unknown-to-masker')],
            'status' => ['token' => 'issued-token-value'],
        ]);

        $masked = (new Masker())->maskBody((string) $body);

        self::assertStringNotContainsString(base64_encode('unknown-to-masker'), $masked);
        self::assertStringNotContainsString('issued-token-value', $masked);
        self::assertStringContainsString('whmcs-1-password', $masked);
    }

    public function testKeepsOrdinaryTextAndIgnoresTooShortValues(): void
    {
        $masker = new Masker(['', null, 'ab', 'secret-value']);

        self::assertSame('phase Running on ab', $masker->mask('phase Running on ab'));
        self::assertContains('secret-value', $masker->secrets());
        self::assertNotContains('ab', $masker->secrets());
    }

    public function testSecretAddedLaterIsMaskedToo(): void
    {
        $masker = new Masker();
        $masker->add('generated-Pass-1');

        self::assertSame('new ' . Masker::MASK, $masker->mask('new generated-Pass-1'));
    }
}
