using System.Globalization;

namespace Ordering.Sdk.Testing.Alipay;

// The trade methods. Every handler runs under _lock.
public sealed partial class AlipaySandbox
{
    private Fields Pay(Dictionary<string, string> biz, string? notifyUrl)
    {
        if (Required(biz, "out_trade_no", "total_amount", "subject", "auth_code", "scene") is { } missing)
        {
            return missing;
        }

        if (biz["scene"] != "bar_code")
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "scene必须为bar_code");
        }

        if (!SandboxCrypto.TryFen(biz["total_amount"], out var fen))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "total_amount格式错误");
        }

        var outTradeNo = biz["out_trade_no"];
        var authCode = biz["auth_code"];
        if (_trades.TryGetValue(outTradeNo, out var existing))
        {
            Advance(existing);
            if (existing.TotalFen == 0)
            {
                return BusinessError("ACQ.TRADE_HAS_CLOSE", "交易已经关闭");
            }

            if (existing.TotalFen != fen || existing.AuthCode != authCode)
            {
                return BusinessError("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }

            return existing.Status switch
            {
                AlipaySandboxTradeStatus.TradeSuccess => PaidAnswer(existing),
                AlipaySandboxTradeStatus.TradeClosed => BusinessError("ACQ.TRADE_HAS_CLOSE", "交易已经关闭"),
                _ => Waiting(existing),
            };
        }

        if (!IsAlipayCode(authCode))
        {
            return BusinessError("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
        }

        var customer = _customers.GetValueOrDefault(authCode) ?? _options.DefaultCustomer;
        var now = _time.GetUtcNow();
        var trade = new SandboxTrade(outTradeNo, NewTradeNo(now), fen, "pay", now)
        {
            AuthCode = authCode,
            NotifyUrl = notifyUrl,
            Subject = biz["subject"],
            Behavior = customer.Behavior,
        };
        _trades[outTradeNo] = trade;
        switch (customer.Behavior)
        {
            case AlipayCustomerBehavior.PaysAtOnce:
                MarkPaid(trade);
                return PaidAnswer(trade);
            case AlipayCustomerBehavior.InsufficientBalance:
                trade.Status = AlipaySandboxTradeStatus.TradeClosed;
                return BusinessError("ACQ.BUYER_BALANCE_NOT_ENOUGH", "买家余额不足");
            case AlipayCustomerBehavior.ExpiredCode:
                _trades.Remove(outTradeNo);
                return BusinessError("ACQ.PAYMENT_AUTH_CODE_INVALID", "支付失败，获取顾客账户信息失败，请顾客刷新付款码后重新收款");
            case AlipayCustomerBehavior.RiskRejected:
                trade.Status = AlipaySandboxTradeStatus.TradeClosed;
                return BusinessError("ACQ.PAYMENT_REQUEST_HAS_RISK", "支付存在风险");
            case AlipayCustomerBehavior.PaysAfterDelay or AlipayCustomerBehavior.CancelsAfterDelay:
                trade.ResolveAt = now + customer.Delay;
                _timers.Add(_time.CreateTimer(_ => Resolve(outTradeNo), null, customer.Delay, Timeout.InfiniteTimeSpan));
                return Waiting(trade);
            default:
                return Waiting(trade);
        }
    }

    private Fields Create(Dictionary<string, string> biz, string? notifyUrl, string kind)
    {
        if (Required(biz, "out_trade_no", "total_amount", "subject") is { } missing)
        {
            return missing;
        }

        if (kind == "create" && !biz.ContainsKey("buyer_open_id") && !biz.ContainsKey("buyer_id"))
        {
            return Error("40002", "Invalid Arguments", "isv.missing-parameter", "buyer_open_id和buyer_id不能同时为空");
        }

        if (!SandboxCrypto.TryFen(biz["total_amount"], out var fen))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "total_amount格式错误");
        }

        var outTradeNo = biz["out_trade_no"];
        if (_trades.TryGetValue(outTradeNo, out var existing))
        {
            if (existing.TotalFen != fen || existing.Kind != kind)
            {
                return BusinessError("ACQ.CONTEXT_INCONSISTENT", "交易信息被篡改");
            }

            if (existing.Status != AlipaySandboxTradeStatus.WaitBuyerPay)
            {
                return BusinessError(existing.Status == AlipaySandboxTradeStatus.TradeSuccess ? "ACQ.TRADE_HAS_SUCCESS" : "ACQ.TRADE_HAS_CLOSE", "交易状态不合法");
            }
        }
        else
        {
            var now = _time.GetUtcNow();
            existing = new SandboxTrade(outTradeNo, NewTradeNo(now), fen, kind, now) { NotifyUrl = notifyUrl, Subject = biz["subject"] };
            _trades[outTradeNo] = existing;
        }

        var answer = Success().Add("out_trade_no", outTradeNo);
        return kind == "create"
            ? answer.Add("trade_no", existing.TradeNo)
            : answer.Add("qr_code", "https://qr.alipay.com/bax0" + existing.TradeNo[^12..]);
    }

    private Fields Query(Dictionary<string, string> biz)
    {
        if (Find(biz, out var trade) is { } error)
        {
            return error;
        }

        Advance(trade);
        var answer = Success()
            .Add("trade_no", trade.TradeNo)
            .Add("out_trade_no", trade.OutTradeNo)
            .Add("buyer_logon_id", "cus***@example.com")
            .Add("trade_status", StatusName(trade.Status))
            .Add("total_amount", SandboxCrypto.Yuan(trade.TotalFen));
        if (trade.PaidAt is { } paidAt)
        {
            answer.Add("buyer_pay_amount", SandboxCrypto.Yuan(trade.PaidFen)).Add("receipt_amount", SandboxCrypto.Yuan(trade.PaidFen)).Add("send_pay_date", ChinaTime(paidAt));
        }

        return answer;
    }

    private Fields Cancel(Dictionary<string, string> biz)
    {
        if (Required(biz, "out_trade_no") is { } missing)
        {
            return missing;
        }

        var outTradeNo = biz["out_trade_no"];
        if (!_trades.TryGetValue(outTradeNo, out var trade))
        {
            // Cancelling an order Alipay never saw leaves a closed record: a late pay with this number is refused.
            var now = _time.GetUtcNow();
            trade = new SandboxTrade(outTradeNo, NewTradeNo(now), 0, "pay", now) { Status = AlipaySandboxTradeStatus.TradeClosed };
            _trades[outTradeNo] = trade;
            return Success().Add("out_trade_no", outTradeNo).Add("retry_flag", "N").Add("action", "close");
        }

        Advance(trade);
        var action = "close";
        if (trade.Status == AlipaySandboxTradeStatus.TradeSuccess)
        {
            action = "refund";
            var remaining = trade.PaidFen - trade.RefundedFen;
            if (remaining > 0)
            {
                trade.Refunds["cancel-" + trade.OutTradeNo] = (remaining, _time.GetUtcNow());
            }
        }

        if (trade.Status != AlipaySandboxTradeStatus.TradeClosed)
        {
            MarkClosed(trade);
        }

        return Success().Add("trade_no", trade.TradeNo).Add("out_trade_no", outTradeNo).Add("retry_flag", "N").Add("action", action);
    }

    private Fields Close(Dictionary<string, string> biz)
    {
        if (Find(biz, out var trade) is { } error)
        {
            return error;
        }

        Advance(trade);
        switch (trade.Status)
        {
            case AlipaySandboxTradeStatus.TradeSuccess:
                return BusinessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
            case AlipaySandboxTradeStatus.WaitBuyerPay:
                MarkClosed(trade);
                break;
        }

        return Success().Add("trade_no", trade.TradeNo).Add("out_trade_no", trade.OutTradeNo);
    }

    private Fields Refund(Dictionary<string, string> biz)
    {
        if (Required(biz, "refund_amount") is { } missing)
        {
            return missing;
        }

        if (Find(biz, out var trade) is { } error)
        {
            return error;
        }

        if (!SandboxCrypto.TryFen(biz["refund_amount"], out var fen))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "refund_amount格式错误");
        }

        Advance(trade);
        var requestNo = biz.GetValueOrDefault("out_request_no") ?? trade.OutTradeNo;
        if (trade.Refunds.TryGetValue(requestNo, out var earlier))
        {
            return earlier.Fen == fen
                ? RefundAnswer(trade, "N")
                : BusinessError("ACQ.CONTEXT_INCONSISTENT", "同一退款请求号参数不一致");
        }

        if (trade.PaidAt is null || (trade.Status == AlipaySandboxTradeStatus.TradeClosed && trade.RefundedFen == 0))
        {
            return BusinessError("ACQ.TRADE_STATUS_ERROR", "交易状态不合法");
        }

        if (fen > trade.PaidFen - trade.RefundedFen)
        {
            return BusinessError("ACQ.REASON_TRADE_REFUND_FEE_ERR", "退款金额超限");
        }

        var now = _time.GetUtcNow();
        trade.Refunds[requestNo] = (fen, now);
        if (trade.RefundedFen == trade.PaidFen)
        {
            trade.Status = AlipaySandboxTradeStatus.TradeClosed;
        }

        Notify(trade, requestNo, fen);
        return RefundAnswer(trade, "Y");
    }

    private Fields RefundQuery(Dictionary<string, string> biz)
    {
        if (Find(biz, out var trade) is { } error)
        {
            return error;
        }

        var requestNo = biz.GetValueOrDefault("out_request_no") ?? trade.OutTradeNo;
        var answer = Success().Add("trade_no", trade.TradeNo).Add("out_trade_no", trade.OutTradeNo);

        // An unknown request number is not an error: 10000 without refund data.
        return trade.Refunds.TryGetValue(requestNo, out var refund)
            ? answer.Add("out_request_no", requestNo).Add("total_amount", SandboxCrypto.Yuan(trade.TotalFen))
                .Add("refund_amount", SandboxCrypto.Yuan(refund.Fen)).Add("refund_status", "REFUND_SUCCESS").Add("gmt_refund_pay", ChinaTime(refund.At))
            : answer;
    }

    private Fields BillUrl(Dictionary<string, string> biz)
    {
        if (Required(biz, "bill_type", "bill_date") is { } missing)
        {
            return missing;
        }

        if (biz["bill_type"] != "trade" || !DateOnly.TryParseExact(biz["bill_date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Error("40002", "Invalid Arguments", "isv.invalid-parameter", "bill_type或bill_date不合法");
        }

        var today = DateOnly.FromDateTime(_time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
        if (day >= today)
        {
            return BusinessError("isp.bill_not_exist", "账单不存在");
        }

        return Success().Add("bill_download_url", new Uri(BaseAddress, "bill/" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".zip").AbsoluteUri);
    }

    private static Fields RefundAnswer(SandboxTrade trade, string fundChange) =>
        Success().Add("trade_no", trade.TradeNo).Add("out_trade_no", trade.OutTradeNo).Add("buyer_logon_id", "cus***@example.com")
            .Add("fund_change", fundChange).Add("refund_fee", SandboxCrypto.Yuan(trade.RefundedFen));

    private static Fields PaidAnswer(SandboxTrade trade) =>
        Success().Add("trade_no", trade.TradeNo).Add("out_trade_no", trade.OutTradeNo).Add("buyer_logon_id", "cus***@example.com")
            .Add("total_amount", SandboxCrypto.Yuan(trade.TotalFen)).Add("receipt_amount", SandboxCrypto.Yuan(trade.PaidFen))
            .Add("buyer_pay_amount", SandboxCrypto.Yuan(trade.PaidFen)).Add("gmt_payment", ChinaTime(trade.PaidAt!.Value));

    private static Fields Waiting(SandboxTrade trade) =>
        new Fields().Add("code", "10003").Add("msg", " order success pay inprocess").Add("trade_no", trade.TradeNo).Add("out_trade_no", trade.OutTradeNo)
            .Add("total_amount", SandboxCrypto.Yuan(trade.TotalFen));

    private Fields? Find(Dictionary<string, string> biz, out SandboxTrade trade)
    {
        trade = null!;
        if (!biz.TryGetValue("out_trade_no", out var outTradeNo) && !biz.TryGetValue("trade_no", out _))
        {
            return Error("40002", "Invalid Arguments", "isv.missing-parameter", "out_trade_no和trade_no不能同时为空");
        }

        var found = outTradeNo is not null
            ? _trades.GetValueOrDefault(outTradeNo)
            : _trades.Values.FirstOrDefault(t => t.TradeNo == biz["trade_no"]);
        if (found is null || (found.TotalFen == 0 && found.Status == AlipaySandboxTradeStatus.TradeClosed))
        {
            return BusinessError("ACQ.TRADE_NOT_EXIST", "交易不存在");
        }

        trade = found;
        return null;
    }

    private static Fields? Required(Dictionary<string, string> biz, params string[] names)
    {
        foreach (var name in names)
        {
            if (!biz.TryGetValue(name, out var value) || string.IsNullOrEmpty(value))
            {
                return Error("40001", "Missing Required Arguments", "isv.missing-" + name.Replace('_', '-'), "缺少必选参数" + name);
            }
        }

        return null;
    }

    // Customers act on their own clock: a query after their delay sees the result even if no timer ran yet.
    private void Advance(SandboxTrade trade)
    {
        if (trade.Status != AlipaySandboxTradeStatus.WaitBuyerPay || trade.ResolveAt is not { } at || _time.GetUtcNow() < at)
        {
            return;
        }

        if (trade.Behavior == AlipayCustomerBehavior.PaysAfterDelay)
        {
            MarkPaid(trade);
        }
        else
        {
            MarkClosed(trade);
        }
    }

    private void Resolve(string outTradeNo)
    {
        lock (_lock)
        {
            if (_trades.TryGetValue(outTradeNo, out var trade))
            {
                Advance(trade);
            }
        }
    }

    private void MarkPaid(SandboxTrade trade)
    {
        trade.Status = AlipaySandboxTradeStatus.TradeSuccess;
        trade.PaidFen = trade.TotalFen;
        trade.PaidAt = _time.GetUtcNow();
        trade.ResolveAt = null;
        Notify(trade, null, 0);
    }

    private void MarkClosed(SandboxTrade trade)
    {
        trade.Status = AlipaySandboxTradeStatus.TradeClosed;
        trade.ResolveAt = null;
        if (trade.PaidAt is null)
        {
            Notify(trade, null, 0);
        }
    }

    private string NewTradeNo(DateTimeOffset now) =>
        now.ToOffset(ChinaOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "22001" + (++_tradeSequence).ToString("D15", CultureInfo.InvariantCulture);

    private static bool IsAlipayCode(string code) =>
        code.Length is >= 16 and <= 24 && code.All(char.IsAsciiDigit) && int.Parse(code.AsSpan(0, 2), CultureInfo.InvariantCulture) is >= 25 and <= 30;

    private static string StatusName(AlipaySandboxTradeStatus status) => status switch
    {
        AlipaySandboxTradeStatus.WaitBuyerPay => "WAIT_BUYER_PAY",
        AlipaySandboxTradeStatus.TradeSuccess => "TRADE_SUCCESS",
        _ => "TRADE_CLOSED",
    };
}
