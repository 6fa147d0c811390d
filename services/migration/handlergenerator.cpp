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

#include "privatefiles.h"

namespace {
const QByteArray CommonMarker = QByteArrayLiteral("// @@TM_COMMON@@");
const QByteArray OptionsMarker = QByteArrayLiteral("__TM_OPTIONS__");

// Replaces the single occurrence of marker; anything else means a broken template.
bool replaceOnce(QByteArray &text, const QByteArray &marker, const QByteArray &with)
{
    const qsizetype at = text.indexOf(marker);
    if (at < 0 || text.indexOf(marker, at + marker.size()) >= 0)
        return false;
    text.replace(at, marker.size(), with);
    return true;
}
} // namespace

HandlerGenerator::HandlerGenerator(OutboundHandlerOptions options)
    : m_options(std::move(options))
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

QByteArray HandlerGenerator::fill(const QString &name, const QByteArray &optionsJson)
{
    m_error.clear();
    QByteArray source = loadTemplate(name);
    const QByteArray common = loadTemplate(QStringLiteral("common.js"));
    if (source.isEmpty() || common.isEmpty())
        return {};
    // The helpers go in first: they are ours. The options go in last, at one position, so even
    // an option value that looked like a marker could not be expanded.
    bool ok = replaceOnce(source, CommonMarker, common.trimmed());
    if (ok && !optionsJson.isEmpty())
        ok = replaceOnce(source, OptionsMarker, optionsJson);
    if (!ok) {
        m_error = tr("The handler template %1 is damaged.").arg(name);
        return {};
    }
    return source;
}

QByteArray HandlerGenerator::inboundSource()
{
    return fill(QStringLiteral("inboundHandler.js"), {});
}

QByteArray HandlerGenerator::outboundSource()
{
    if (const QString problem = m_options.check(); !problem.isEmpty()) {
        m_error = problem;
        return {};
    }
    QJsonArray parameters;
    for (const auto &[name, value] : m_options.sipParameters)
        parameters.append(QJsonArray{name, value});
    const QJsonObject options{{QStringLiteral("secure"), m_options.secure},
                              {QStringLiteral("edge"), m_options.edge},
                              {QStringLiteral("userToUser"), m_options.passCallSidAsUserToUser},
                              {QStringLiteral("parameters"), parameters}};
    // JSON is a subset of JavaScript (ES2019 and later, so Node 18), which makes it a safe way
    // to put user-chosen strings into code.
    return fill(QStringLiteral("outboundHandler.js"),
                QJsonDocument(options).toJson(QJsonDocument::Compact));
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
                         writeFile(dir.filePath(QStringLiteral("README.md")), readme) &&
                         (pbxDomain.isEmpty() || writeFile(dir.filePath(QStringLiteral(".env")),
                                                           QByteArray(PbxDomainVariable) + '=' +
                                                               pbxDomain.toUtf8() + '\n'));
    if (written)
        qCInfo(lcMigration) << "exported the call handlers to" << directory;
    return written;
}
