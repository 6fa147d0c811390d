// tm-bench-client: throughput and client CPU of TwilioClient round trips against the sandbox
// on loopback. Phase 1: N GETs (fetch a phone number); phase 2: N POSTs (update its VoiceUrl).
// A window of operations stays outstanding so the client's own limiter decides what is on the
// wire. Usage: tm-bench-client [--requests N] [--concurrency C] [--in-process]
#include "sandboxprocess.h"
#include "twilioclient.h"
#include "voiceapi.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTextStream>

#include <sys/resource.h>

#include <functional>

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

struct PhaseResult
{
    int ok = 0;
    int failed = 0;
    double seconds = 0;
    double cpu = 0;
};

// Runs `count` operations, `window` at a time, on the event loop; returns when all answered.
PhaseResult runPhase(int count, int window,
                     const std::function<void(int, std::function<void(bool)>)> &operation)
{
    PhaseResult result;
    QEventLoop loop;
    int started = 0;
    int finished = 0;
    std::function<void()> startNext;
    startNext = [&] {
        if (started >= count)
            return;
        const int index = started++;
        operation(index, [&](bool ok) {
            ok ? ++result.ok : ++result.failed;
            if (++finished == count)
                loop.quit();
            else
                startNext();
        });
    };
    const double cpuBefore = cpuSeconds();
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < window; ++i)
        startNext();
    loop.exec();
    result.seconds = clock.nsecsElapsed() / 1e9;
    result.cpu = cpuSeconds() - cpuBefore;
    return result;
}

void report(QTextStream &out, const char *name, int count, const PhaseResult &r)
{
    out << QStringLiteral("%1  %2 requests  %3 ok  %4 failed  %5 s  %6 req/s  %7 us CPU/req\n")
               .arg(QLatin1String(name), -6)
               .arg(count)
               .arg(r.ok)
               .arg(r.failed)
               .arg(r.seconds, 0, 'f', 2)
               .arg(count / r.seconds, 0, 'f', 0)
               .arg(r.cpu / count * 1e6, 0, 'f', 0);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    // Per-request debug lines (client, and the sandbox when in-process) would dominate the CPU.
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=false"));
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("requests"), QStringLiteral("Requests per phase."),
                      QStringLiteral("N"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("concurrency"), QStringLiteral("Client max in flight."),
                      QStringLiteral("C"), QStringLiteral("6")});
    parser.addOption({QStringLiteral("in-process"), QStringLiteral("Sandbox in a thread.")});
    parser.process(app);
    const int requests = qMax(1, parser.value(QStringLiteral("requests")).toInt());
    const int concurrency = qMax(1, parser.value(QStringLiteral("concurrency")).toInt());
    QTextStream out(stdout);

    QString executable;
#ifdef TM_SANDBOX_EXE
    if (!parser.isSet(QStringLiteral("in-process")))
        executable = QStringLiteral(TM_SANDBOX_EXE);
#endif
    SandboxProcess sandbox;
    if (const QString problem = sandbox.start(executable, 250); !problem.isEmpty()) {
        out << "sandbox: " << problem << '\n';
        return 1;
    }
    TwilioClient client;
    if (const QString problem = client.configure({sandbox.accountSid(), {}, sandbox.authToken()},
                                                 {{}, {}, sandbox.baseUrl()});
        !problem.isEmpty()) {
        out << "client: " << problem << '\n';
        return 1;
    }
    client.setMaxConcurrency(concurrency);

    QStringList sids;
    client.voice().listIncomingPhoneNumbers({}, &app,
                                            [&](const TwilioResult<QList<IncomingPhoneNumber>> &r) {
                                                for (const IncomingPhoneNumber &number : r.value)
                                                    sids << number.sid;
                                                app.quit();
                                            });
    app.exec();
    if (sids.isEmpty()) {
        out << "no phone numbers listed\n";
        return 1;
    }
    out << "sandbox: " << (sandbox.isSeparateProcess() ? "separate process" : "in-process thread")
        << ", client max in flight " << concurrency << ", " << sids.size() << " numbers\n";

    const int window = concurrency * 4;
    const PhaseResult gets = runPhase(requests, window, [&](int i, std::function<void(bool)> done) {
        client.voice().fetchIncomingPhoneNumber(
            sids.at(i % sids.size()), &app,
            [done](const TwilioResult<IncomingPhoneNumber> &r) { done(r.ok()); });
    });
    report(out, "GET", requests, gets);
    const PhaseResult posts =
        runPhase(requests, window, [&](int i, std::function<void(bool)> done) {
            IncomingPhoneNumberUpdate update;
            update.voiceUrl = QStringLiteral("https://bench.example.com/handler?n=%1").arg(i);
            client.voice().updateIncomingPhoneNumber(
                sids.at(i % sids.size()), update, &app,
                [done](const TwilioResult<IncomingPhoneNumber> &r) { done(r.ok()); });
        });
    report(out, "POST", requests, posts);
    out << "retries " << client.counters().retries << '\n';
    return gets.failed + posts.failed == 0 ? 0 : 2;
}
