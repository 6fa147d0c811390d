#include "sandboxcommandline.h"

#include "demoseeder.h"

#include <QCommandLineParser>

namespace {
template<typename T>
bool readNumber(const QCommandLineParser &parser, const QString &name, T low, T high, T *out,
                QString *error)
{
    if (!parser.isSet(name))
        return true;
    bool ok = false;
    const QString text = parser.value(name);
    double value = 0;
    if constexpr (std::is_floating_point_v<T>)
        value = text.toDouble(&ok);
    else
        value = double(text.toLongLong(&ok));
    if (!ok || value < double(low) || value > double(high)) {
        *error = SandboxCommandLine::tr("--%1 must be a number from %2 to %3, not \"%4\".")
                     .arg(name)
                     .arg(low)
                     .arg(high)
                     .arg(text);
        return false;
    }
    *out = T(value);
    return true;
}
} // namespace

std::optional<SandboxOptions> SandboxCommandLine::parse(const QStringList &arguments,
                                                        QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Local emulator of the Twilio APIs Trunk Migrator uses. Prints one JSON line with "
           "base_url, account_sid, auth_token and trunk_sid, then serves until killed."));
    parser.addHelpOption();
    parser.addOptions({
        {QStringLiteral("port"), tr("TCP port on 127.0.0.1 (0 picks a free one)."),
         QStringLiteral("P"), QStringLiteral("0")},
        {QStringLiteral("numbers"), tr("Phone numbers on the demo trunk."), QStringLiteral("N"),
         QStringLiteral("250")},
        {QStringLiteral("latency-ms"), tr("Delay added to every answer."), QStringLiteral("L"),
         QStringLiteral("0")},
        {QStringLiteral("fail-rate"), tr("Fraction of requests answered 500/503 (0..1)."),
         QStringLiteral("F"), QStringLiteral("0")},
        {QStringLiteral("fail-writes"),
         tr("Fraction of writes (POST, DELETE) answered 500/503, reads unaffected (0..1)."),
         QStringLiteral("F"), QStringLiteral("0")},
        {QStringLiteral("rate-limit-concurrency"),
         tr("Requests beyond this many in flight get 429 (0 = off)."), QStringLiteral("C"),
         QStringLiteral("0")},
        {QStringLiteral("drop-rate"), tr("Fraction of connections closed unanswered (0..1)."),
         QStringLiteral("F"), QStringLiteral("0")},
        {QStringLiteral("apply-then-drop"),
         tr("Fraction of writes applied, then closed unanswered (0..1)."), QStringLiteral("F"),
         QStringLiteral("0")},
        {QStringLiteral("apply-then-5xx"),
         tr("Fraction of writes applied, then answered 500/503 (0..1)."), QStringLiteral("F"),
         QStringLiteral("0")},
        {QStringLiteral("delay-apply"),
         tr("Hold writes this long before applying and answering them, even after the client "
            "gave up (ms)."),
         QStringLiteral("MS"), QStringLiteral("0")},
        {QStringLiteral("delay-apply-rate"), tr("Fraction of writes --delay-apply holds (0..1)."),
         QStringLiteral("F"), QStringLiteral("1")},
        {QStringLiteral("ignore-write"),
         tr("Fraction of updates answered 200 with nothing changed (0..1)."), QStringLiteral("F"),
         QStringLiteral("0")},
        {QStringLiteral("stall-body"),
         tr("Fraction of answers that send headers and then no body (0..1)."), QStringLiteral("F"),
         QStringLiteral("0")},
        {QStringLiteral("oversize-body"),
         tr("Fraction of answers with a body far past any sane size (0..1)."), QStringLiteral("F"),
         QStringLiteral("0")},
        {QStringLiteral("seed"), tr("Seed of the demo data and of the faults."),
         QStringLiteral("S"), QStringLiteral("1")},
        {QStringLiteral("state"),
         tr("Keep the account in this file: its state survives a restart (or a kill -9) and is "
            "loaded by the next start with the same seed."),
         QStringLiteral("FILE")},
    });
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return std::nullopt;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (!parser.positionalArguments().isEmpty()) {
        *error = tr("Unexpected argument \"%1\".").arg(parser.positionalArguments().constFirst());
        return std::nullopt;
    }
    SandboxOptions options;
    qint64 seed = options.seed;
    FaultSettings &f = options.faults;
    const bool ok =
        readNumber<quint16>(parser, QStringLiteral("port"), 0, 65535, &options.port, error) &&
        readNumber(parser, QStringLiteral("numbers"), 0, DemoSeeder::maxNumbers, &options.numbers,
                   error) &&
        readNumber(parser, QStringLiteral("latency-ms"), 0, 600000, &options.latencyMs, error) &&
        readNumber(parser, QStringLiteral("fail-rate"), 0.0, 1.0, &f.failRate, error) &&
        readNumber(parser, QStringLiteral("fail-writes"), 0.0, 1.0, &f.failWrites, error) &&
        readNumber(parser, QStringLiteral("rate-limit-concurrency"), 0, 100000,
                   &options.rateLimitConcurrency, error) &&
        readNumber(parser, QStringLiteral("drop-rate"), 0.0, 1.0, &f.dropRate, error) &&
        readNumber(parser, QStringLiteral("apply-then-drop"), 0.0, 1.0, &f.applyThenDrop, error) &&
        readNumber(parser, QStringLiteral("apply-then-5xx"), 0.0, 1.0, &f.applyThen5xx, error) &&
        readNumber(parser, QStringLiteral("delay-apply"), 0, 600000, &f.delayApplyMs, error) &&
        readNumber(parser, QStringLiteral("delay-apply-rate"), 0.0, 1.0, &f.delayApplyRate,
                   error) &&
        readNumber(parser, QStringLiteral("ignore-write"), 0.0, 1.0, &f.ignoreWrite, error) &&
        readNumber(parser, QStringLiteral("stall-body"), 0.0, 1.0, &f.stallBody, error) &&
        readNumber(parser, QStringLiteral("oversize-body"), 0.0, 1.0, &f.oversizeBody, error) &&
        readNumber<qint64>(parser, QStringLiteral("seed"), 0, 4294967295LL, &seed, error);
    if (!ok)
        return std::nullopt;
    options.seed = quint32(seed);
    options.statePath = parser.value(QStringLiteral("state"));
    return options;
}
