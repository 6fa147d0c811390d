#include "handlergenerator.h"

#include "migrationlogging.h"
#include "validation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <algorithm>
#include <utility>

#include "privatefiles.h"

namespace {
const QByteArray CommonMarker = QByteArrayLiteral("// @@TM_COMMON@@");
const QByteArray OptionsMarker = QByteArrayLiteral("__TM_OPTIONS__");
const QByteArray BehaviourMarker = QByteArrayLiteral("__TM_BEHAVIOUR__");

// Replaces the single occurrence of marker; anything else means a broken template.
bool replaceOnce(QByteArray &text, const QByteArray &marker, const QByteArray &with)
{
    const qsizetype at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + marker.size()) >= 0)
        return false;
    text.replace(at, marker.size(), with);
    return true;
}

// Replaces several markers, each of which must occur exactly once in text. Every position is
// found before anything is inserted, and the values go in from the last position to the first,
// so no inserted value is ever searched: a value that looks like a marker stays a value.
bool replaceEachOnce(QByteArray &text, const QList<QPair<QByteArray, QByteArray>> &values)
{
    QList<QPair<qsizetype, qsizetype>> places; // (position, index into values)
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QByteArray &marker = values.at(i).first;
        const qsizetype at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + marker.size()) >= 0)
            return false;
        places.append({at, i});
    }
    std::sort(places.begin(), places.end(),
              [](const auto &a, const auto &b) { return a.first > b.first; });
    for (qsizetype i = 1; i < places.size(); ++i) {
        const auto &[at, index] = places.at(i);
        if (at + values.at(index).first.size() > places.at(i - 1).first)
            return false; // overlapping markers
    }
    for (const auto &[at, index] : std::as_const(places))
        text.replace(at, values.at(index).first.size(), values.at(index).second);
    return true;
}

// JSON is a subset of JavaScript (ES2019 and later, so Node 18) and so a safe way to put
// user-chosen strings into code. U+2028 and U+2029 are written as escapes as well, for older
// engines (QJSEngine) that still end a line there; those bytes only occur inside JSON strings.
QByteArray javaScriptJson(const QJsonObject &object)
{
    QByteArray json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    json.replace("\xE2\x80\xA8", "\\u2028");
    json.replace("\xE2\x80\xA9", "\\u2029");
    return json;
}
} // namespace

HandlerGenerator::HandlerGenerator(OutboundHandlerOptions options, CallBehaviour behaviour)
    : m_options(std::move(options))
    , m_behaviour(std::move(behaviour))
{}

QByteArray HandlerGenerator::loadTemplate(const QString &name)
{
    QFile file(QStringLiteral(":/handlers/") + name);
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = tr("The handler template %1 is missing from this build.").arg(name);
        return {};
    }
    return file.readAll();
}

QByteArray HandlerGenerator::fill(const QString &name,
                                  const QList<QPair<QByteArray, QByteArray>> &values)
{
    m_error.clear();
    QByteArray source = loadTemplate(name);
    const QByteArray common = loadTemplate(QStringLiteral("common.js"));
    if (source.isEmpty() || common.isEmpty())
        return {};
    // The helpers go in first: they are ours. The JSON values go in last, at positions found
    // before any of them is inserted, so even a value that looked like a marker is not expanded.
    if (!replaceOnce(source, CommonMarker, common.trimmed()) || !replaceEachOnce(source, values)) {
        m_error = tr("The handler template %1 is damaged.").arg(name);
        return {};
    }
    return source;
}

// The schema is described in docs/HANDLERS.md ("What the handlers read").
QByteArray HandlerGenerator::behaviourJson()
{
    if (const QString problem = m_behaviour.check(); !problem.isEmpty()) {
        m_error = problem;
        return {};
    }
    QJsonArray targets;
    for (const OriginationTarget &target : std::as_const(m_behaviour.targets)) {
        CallBehaviour::ParsedSipUrl parsed;
        CallBehaviour::parseSipUrl(target.sipUrl, &parsed); // checked above
        QJsonArray parameters;
        for (const auto &[name, value] : std::as_const(parsed.parameters))
            parameters.append(QJsonArray{name, value});
        targets.append(QJsonObject{{QStringLiteral("host"), parsed.host},
                                   {QStringLiteral("parameters"), parameters},
                                   {QStringLiteral("priority"), target.priority},
                                   {QStringLiteral("weight"), target.weight}});
    }
    const CallBehaviour &b = m_behaviour;
    const QJsonObject behaviour{
        {QStringLiteral("targets"), targets},
        {QStringLiteral("disasterRecoveryUrl"), b.disasterRecoveryUrl},
        // As Twilio reads it: either case, and POST when not given.
        {QStringLiteral("disasterRecoveryMethod"), b.disasterRecoveryMethod.isEmpty()
                                                       ? QStringLiteral("POST")
                                                       : b.disasterRecoveryMethod.toUpper()},
        {QStringLiteral("passCallerName"), b.passCallerName},
        {QStringLiteral("ringTimeout"), b.ringTimeoutSeconds},
        {QStringLiteral("timeLimit"), b.timeLimitSeconds},
        {QStringLiteral("recordingMode"), b.recordingMode},
        {QStringLiteral("recordingTrim"), b.recordingTrim},
        {QStringLiteral("transferMode"), b.transferMode},
        {QStringLiteral("transferCallerId"), b.transferCallerId},
        {QStringLiteral("country"), b.country},
        {QStringLiteral("emergencyCallerId"), b.emergencyCallerId},
        {QStringLiteral("defaultCallerId"), b.defaultCallerId}};
    return javaScriptJson(behaviour);
}

QByteArray HandlerGenerator::inboundSource()
{
    const QByteArray behaviour = behaviourJson();
    if (behaviour.isEmpty())
        return {};
    return fill(QStringLiteral("inboundHandler.js"), {{BehaviourMarker, behaviour}});
}

QByteArray HandlerGenerator::referSource()
{
    const QByteArray behaviour = behaviourJson();
    if (behaviour.isEmpty())
        return {};
    return fill(QStringLiteral("referHandler.js"), {{BehaviourMarker, behaviour}});
}

QByteArray HandlerGenerator::outboundSource()
{
    if (const QString problem = m_options.check(); !problem.isEmpty()) {
        m_error = problem;
        return {};
    }
    const QByteArray behaviour = behaviourJson();
    if (behaviour.isEmpty())
        return {};
    QJsonArray parameters;
    for (const auto &[name, value] : m_options.sipParameters)
        parameters.append(QJsonArray{name, value});
    const QJsonObject options{{QStringLiteral("secure"), m_options.secure},
                              {QStringLiteral("edge"), m_options.edge},
                              {QStringLiteral("userToUser"), m_options.passCallSidAsUserToUser},
                              {QStringLiteral("parameters"), parameters}};
    return fill(QStringLiteral("outboundHandler.js"),
                {{OptionsMarker, javaScriptJson(options)}, {BehaviourMarker, behaviour}});
}

bool HandlerGenerator::writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    // Unbuffered: with Qt's write buffer a failed flush (full disk) is not reported by commit()
    // in Qt 6.4, and a truncated file would replace the old one.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered) || !PrivateFiles::restrict(file) ||
        file.write(content) != content.size() || !file.commit()) {
        m_error =
            tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        file.cancelWriting();
        return false;
    }
    return true;
}

bool HandlerGenerator::exportToDirectory(const QString &directory, const QString &pbxDomain)
{
    if (!pbxDomain.isEmpty()) {
        if (const QString problem = Validation::checkPbxDomain(pbxDomain); !problem.isEmpty()) {
            m_error = problem;
            return false;
        }
    }
    // Generate everything before touching the disk: a bad option leaves the folder unchanged.
    const QByteArray inbound = inboundSource();
    if (inbound.isEmpty())
        return false;
    const QByteArray outbound = outboundSource();
    if (outbound.isEmpty())
        return false;
    const QByteArray refer = referSource();
    if (refer.isEmpty())
        return false;
    QByteArray readme = loadTemplate(QStringLiteral("README-selfhosting.md"));
    if (readme.isEmpty())
        return false;
    readme.replace("@@PBX_DOMAIN@@", pbxDomain.isEmpty() ? QByteArrayLiteral("(not chosen yet)")
                                                         : pbxDomain.toUtf8());

    const QDir dir(directory);
    if (!PrivateFiles::makeFolder(dir.absolutePath())) {
        m_error = tr("Could not create the folder %1.").arg(QDir::toNativeSeparators(directory));
        return false;
    }
    const bool written = writeFile(dir.filePath(QStringLiteral("inboundHandler.js")), inbound) &&
                         writeFile(dir.filePath(QStringLiteral("outboundHandler.js")), outbound) &&
                         writeFile(dir.filePath(QStringLiteral("referHandler.js")), refer) &&
                         writeFile(dir.filePath(QStringLiteral("README.md")), readme) &&
                         (pbxDomain.isEmpty() || writeFile(dir.filePath(QStringLiteral(".env")),
                                                           QByteArray(PbxDomainVariable) + '=' +
                                                               pbxDomain.toUtf8() + '\n'));
    if (written)
        qCInfo(lcMigration) << "exported the call handlers to" << directory;
    return written;
}
