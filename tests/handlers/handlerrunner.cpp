#include "handlerrunner.h"

#include "functionruntime.h"
#include "handlergenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

namespace {
QString handlersDir()
{
    return QStringLiteral(TM_SOURCE_DIR "/tests/handlers");
}
} // namespace

QString HandlerRunner::checkEnvironment()
{
    if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
        return QStringLiteral("node (Node.js 18+) is not on PATH; install nodejs.");
    if (!QFileInfo::exists(handlersDir() + QStringLiteral("/node_modules/twilio/package.json")))
        return QStringLiteral("The twilio npm package is missing: run `npm ci` in %1")
            .arg(handlersDir());
    return {};
}

QStringList HandlerRunner::run(const QString &handlerFile, const QJsonArray &cases, QString *error)
{
    QTemporaryFile casesFile(QDir::tempPath() + QStringLiteral("/tm-cases-XXXXXX.json"));
    if (!casesFile.open() || casesFile.write(QJsonDocument(cases).toJson()) < 0 ||
        !casesFile.flush()) {
        *error = QStringLiteral("cannot write the cases file");
        return {};
    }
    QProcess node;
    node.setWorkingDirectory(handlersDir());
    node.start(QStringLiteral("node"), {handlersDir() + QStringLiteral("/run_handler.js"),
                                        handlerFile, casesFile.fileName()});
    if (!node.waitForFinished(30000) || node.exitStatus() != QProcess::NormalExit ||
        node.exitCode() != 0) {
        *error = QStringLiteral("node failed (exit %1): %2")
                     .arg(node.exitCode())
                     .arg(QString::fromUtf8(node.readAllStandardError()));
        return {};
    }
    QStringList lines = QString::fromUtf8(node.readAllStandardOutput()).split(u'\n');
    if (lines.size() == cases.size() + 1 && lines.last().isEmpty())
        lines.removeLast();
    if (lines.size() != cases.size()) {
        *error = QStringLiteral("expected %1 lines from node, got %2")
                     .arg(cases.size())
                     .arg(lines.size());
        return {};
    }
    // The sandbox runs the same file in QJSEngine (FunctionRuntime): byte for byte the same
    // TwiML, or an error both times (engines word their errors differently).
    QFile file(handlerFile);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(handlerFile);
        return {};
    }
    const QString code = QString::fromUtf8(file.readAll());
    for (qsizetype i = 0; i < cases.size(); ++i) {
        const QJsonObject c = cases.at(i).toObject();
        const FunctionRuntime::Result r = FunctionRuntime::run(
            code, c.value(QLatin1String("context")), c.value(QLatin1String("event")));
        const QString engine = r.ok ? QString(r.body).replace(u'\n', QStringLiteral("\\n"))
                                    : QStringLiteral("ERROR: ") + r.error;
        const bool same =
            engine == lines.at(i) || (!r.ok && lines.at(i).startsWith(QLatin1String("ERROR:")));
        if (!same) {
            *error = QStringLiteral("case %1: QJSEngine gives\n  %2\nNode.js gives\n  %3")
                         .arg(i)
                         .arg(engine, lines.at(i));
            return {};
        }
    }
    return lines;
}

QStringList HandlerRunner::runGenerated(HandlerGenerator &generator, const QString &file,
                                        const QJsonArray &cases, QString *error)
{
    QTemporaryDir dir;
    if (!dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary folder");
        return {};
    }
    if (!generator.exportToDirectory(dir.path(), QStringLiteral("pbx.example.net"))) {
        *error = QStringLiteral("export failed: ") + generator.errorString();
        return {};
    }
    return run(dir.filePath(file), cases, error);
}

void HandlerTest::addColumns()
{
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
}

void HandlerTest::addRows(HandlerGenerator &generator, const QString &file,
                          const QList<Case> &cases)
{
    QJsonArray requests;
    for (const Case &c : cases)
        requests.append(request(c.event, c.context));
    QString error;
    const QStringList outputs = HandlerRunner::runGenerated(generator, file, requests, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (qsizetype i = 0; i < cases.size(); ++i)
        QTest::newRow(cases.at(i).name) << outputs.at(i) << cases.at(i).expected;
}
