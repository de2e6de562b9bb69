namespace Ordering.Sdk.Devices.EscPos.Qr;

// Turns a byte-mode payload into the final codeword sequence of a symbol: mode indicator, character count, data,
// terminator and pad codewords; split into blocks; Reed–Solomon EC per block; then data and EC interleaved column by column.
internal static class QrCodewords
{
    private const int ByteModeIndicator = 0b0100;

    /// <summary>
    /// Writes the interleaved codewords of <paramref name="payload"/> into <paramref name="output"/>
    /// (<see cref="QrCapacity.TotalCodewords"/> long), using <paramref name="dataScratch"/>
    /// (<see cref="QrCapacity.DataCodewords"/> long) for the data codewords before interleaving.
    /// </summary>
    public static void Build(ReadOnlySpan<byte> payload, int version, QrErrorCorrection level, Span<byte> dataScratch, Span<byte> output)
    {
        var dataCount = QrCapacity.DataCodewords(version, level);
        var totalCount = QrCapacity.TotalCodewords(version);
        if (payload.Length > QrCapacity.MaxPayloadBytes(version, level))
        {
            throw new ArgumentException($"A {payload.Length}-byte payload does not fit QR version {version}-{level}.", nameof(payload));
        }

        var data = dataScratch[..dataCount];
        WriteDataCodewords(payload, version, data);

        var blocks = QrCapacity.BlockCount(version, level);
        var ecPerBlock = QrCapacity.EcCodewordsPerBlock(version, level);
        var shortBlocks = blocks - (totalCount % blocks);
        var shortBlockData = (totalCount / blocks) - ecPerBlock;

        Span<byte> generator = stackalloc byte[ReedSolomon.MaxDegree + 1];
        generator = generator[..(ecPerBlock + 1)];
        ReedSolomon.BuildGenerator(ecPerBlock, generator);
        Span<byte> ec = stackalloc byte[ReedSolomon.MaxDegree];
        ec = ec[..ecPerBlock];

        var codewords = output[..totalCount];
        var blockStart = 0;
        for (var block = 0; block < blocks; block++)
        {
            // The last (blocks − shortBlocks) blocks carry one data codeword more than the first ones.
            var length = shortBlockData + (block < shortBlocks ? 0 : 1);
            var blockData = data.Slice(blockStart, length);
            blockStart += length;

            for (var i = 0; i < length; i++)
            {
                var at = i < shortBlockData ? (i * blocks) + block : (shortBlockData * blocks) + (block - shortBlocks);
                codewords[at] = blockData[i];
            }

            ReedSolomon.ComputeRemainder(blockData, generator, ec);
            for (var i = 0; i < ecPerBlock; i++)
            {
                codewords[dataCount + (i * blocks) + block] = ec[i];
            }
        }
    }

    private static void WriteDataCodewords(ReadOnlySpan<byte> payload, int version, Span<byte> data)
    {
        var bits = new QrBitWriter(data);
        bits.Append(ByteModeIndicator, 4);
        bits.Append(payload.Length, QrCapacity.CharacterCountBits(version));
        foreach (var b in payload)
        {
            bits.Append(b, 8);
        }

        // Terminator: up to four zero bits, then zero bits to the byte boundary, then alternating pad codewords.
        bits.Append(0, Math.Min(4, bits.Capacity - bits.BitLength));
        bits.Append(0, (8 - (bits.BitLength % 8)) % 8);
        for (var pad = 0xEC; bits.BitLength < bits.Capacity; pad ^= 0xEC ^ 0x11)
        {
            bits.Append(pad, 8);
        }
    }
}
