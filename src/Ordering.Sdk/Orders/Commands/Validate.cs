namespace Ordering.Sdk.Orders;

// Input checks shared by the commands: each returns the first problem with the field path, or null.
internal static class Validate
{
    public const int MaxIdLength = 64;
    public const int MaxTextLength = 200;

    public static OrderError? Id(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? OrderErrors.Required(field)
        : value.Length > MaxIdLength ? OrderErrors.TooLong(field, MaxIdLength)
        : HasControl(value) ? OrderErrors.Required(field)
        : null;

    public static OrderError? Text(string? value, string field, bool required) =>
        string.IsNullOrWhiteSpace(value) ? (required ? OrderErrors.Required(field) : null)
        : value.Length > MaxTextLength ? OrderErrors.TooLong(field, MaxTextLength)
        : null;

    public static OrderError? Range(long value, string field, long min, long max) =>
        value < min || value > max ? OrderErrors.OutOfRange(field, value, min, max) : null;

    public static OrderError? Items(IReadOnlyList<OrderItemRequest>? items, OrdersOptions options)
    {
        if (items is null || items.Count == 0)
        {
            return OrderErrors.Required("items");
        }

        if (items.Count > options.MaxItemsPerBatch)
        {
            return OrderErrors.OutOfRange("items", items.Count, 1, options.MaxItemsPerBatch);
        }

        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"items[{i}]";
            var error = item is null ? OrderErrors.Required(path)
                : Id(item.SkuId, path + ".skuId")
                ?? Range(item.Quantity, path + ".quantity", 1, options.MaxQuantityPerLine)
                ?? (item.WeightGrams is { } grams ? Range(grams, path + ".weightGrams", 1, 100_000) : null)
                ?? Range(item.Course, path + ".course", 1, 9)
                ?? Text(item.Note, path + ".note", required: false)
                ?? Text(item.Diner, path + ".diner", required: false)
                ?? Selections(item.Modifiers, path + ".modifiers", m => (m.ChoiceId, m.Quantity))
                ?? Selections(item.ComboChoices, path + ".comboChoices", c => (c.SkuId, c.Quantity));
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    public static OrderError? IdList(IReadOnlyList<string>? ids, string field)
    {
        if (ids is null)
        {
            return OrderErrors.Required(field);
        }

        for (var i = 0; i < ids.Count; i++)
        {
            if (Id(ids[i], $"{field}[{i}]") is { } error)
            {
                return error;
            }
        }

        return null;
    }

    public static OrderError? Selections<T>(IReadOnlyList<T>? selections, string field, Func<T, (string? Id, int Quantity)> read)
    {
        if (selections is null)
        {
            return OrderErrors.Required(field);
        }

        for (var i = 0; i < selections.Count; i++)
        {
            var (id, quantity) = read(selections[i]);
            if ((Id(id, $"{field}[{i}].id") ?? Range(quantity, $"{field}[{i}].quantity", 1, 99)) is { } error)
            {
                return error;
            }
        }

        return null;
    }

    public static OrderError? Open(OrderState state) =>
        state.Status == OrderStatus.None ? OrderErrors.NotFound(state.OrderId)
        : state.Status != OrderStatus.Open ? OrderErrors.NotOpen(state.Status)
        : null;

    public static OrderError? Lines(OrderState state, IReadOnlyList<string>? lineIds, Func<OrderLine, string, OrderError?> rule)
    {
        if (lineIds is null || lineIds.Count == 0)
        {
            return OrderErrors.Required("lineIds");
        }

        for (var i = 0; i < lineIds.Count; i++)
        {
            var field = $"lineIds[{i}]";
            var line = state.FindLine(lineIds[i]);
            var error = line is null ? OrderErrors.UnknownLine(field, lineIds[i]) : rule(line, field);
            if (error is not null)
            {
                return error;
            }
        }

        return lineIds.Distinct(StringComparer.Ordinal).Count() != lineIds.Count ? OrderErrors.Required("lineIds (duplicates)") : null;
    }

    private static bool HasControl(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
