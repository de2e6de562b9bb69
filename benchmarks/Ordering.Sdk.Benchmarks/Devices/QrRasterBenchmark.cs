using System.Buffers;
using BenchmarkDotNet.Attributes;
using Ordering.Sdk.Devices.EscPos;
using Ordering.Sdk.Devices.EscPos.Qr;
using Ordering.Sdk.Devices.Layouts;

namespace Ordering.Sdk.Benchmarks.Devices;

// The QR-as-image fallback: what rendering the payment QR ourselves costs. Baseline: the same 58 mm receipt with a
// native GS ( k QR code; then the receipt with the QR drawn as a GS v 0 image, the writer's QR image alone, and the
// bare symbol encoding (version 4-M, all eight masks scored).
[MemoryDiagnoser]
public class QrRasterBenchmark
{
    private static readonly PrinterProfile Native58 = new(PrinterProfile.ChineseClone58) { Name = "native-58", QrCodes = QrSupport.Native };

    private readonly ArrayBufferWriter<byte> _buffer = new(65536);
    private readonly QrSymbol _symbol = new();
    private readonly byte[] _payload = "https://pay.example.cn/e-invoice?o=A0012&s=88&t=A12"u8.ToArray();
    private Receipt _receipt = null!;
    private EscPosWriter _nativeWriter = null!;
    private EscPosWriter _rasterWriter = null!;

    [GlobalSetup]
    public void Setup()
    {
        _receipt = ReceiptSample.Create();
        _nativeWriter = new EscPosWriter(_buffer, Native58);
        _rasterWriter = new EscPosWriter(_buffer, PrinterProfile.ChineseClone58);
    }

    [Benchmark(Baseline = true)]
    public int ReceiptWithNativeQr() => WriteReceipt(_nativeWriter);

    [Benchmark]
    public int ReceiptWithRasterQr() => WriteReceipt(_rasterWriter);

    [Benchmark]
    public int RasterQrImageOnly()
    {
        _buffer.ResetWrittenCount();
        _rasterWriter.Reset(_buffer);
        _rasterWriter.QrCode(_payload);
        return _buffer.WrittenCount;
    }

    [Benchmark]
    public int EncodeSymbolOnly()
    {
        QrEncoder.Encode(_payload, QrErrorCorrection.Medium, _symbol);
        return _symbol.Mask;
    }

    private int WriteReceipt(EscPosWriter writer)
    {
        _buffer.ResetWrittenCount();
        writer.Reset(_buffer);
        ReceiptLayout.Write(writer, _receipt);
        return _buffer.WrittenCount;
    }
}
