#include "enginestorage.h"

#include "privatefiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>

EngineStorage::EngineStorage() = default;
EngineStorage::~EngineStorage() = default;

QString EngineStorage::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/journal.sqlite");
}

void EngineStorage::setPath(const QString &path)
{
    // The CLI passes the default path spelled out when --state is not given: that is no
    // choice of the user's, so the embedded sandbox still gets a journal of its own.
    m_chosen = !path.isEmpty() && QDir::cleanPath(QFileInfo(path).absoluteFilePath()) !=
                                      QDir::cleanPath(QFileInfo(defaultPath()).absoluteFilePath());
    usePath(path);
}

bool EngineStorage::selectFor(bool embeddedSandbox)
{
    if (m_chosen)
        return true;
    if (!embeddedSandbox) {
        usePath(defaultPath());
        return true;
    }
    if (!m_sandboxDir) {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid()) {
            m_error = QCoreApplication::translate(
                          "EngineStorage", "No temporary folder for the sandbox's journal: %1")
                          .arg(dir->errorString());
            return false;
        }
        m_sandboxDir = std::move(dir);
    }
    usePath(m_sandboxDir->filePath(QStringLiteral("journal.sqlite")));
    return true;
}

bool EngineStorage::exists() const
{
    return QFileInfo::exists(m_path.isEmpty() ? defaultPath() : m_path);
}

void EngineStorage::usePath(const QString &path)
{
    if (path == m_path)
        return;
    m_path = path;
    // Reopened at the new place by the next open().
    m_audit.reset();
    m_journal.close();
}

bool EngineStorage::open()
{
    if (isOpen())
        return true;
    if (m_path.isEmpty())
        m_path = defaultPath();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!PrivateFiles::makeFolder(folder)) {
        m_error = QCoreApplication::translate("EngineStorage",
                                              "The folder %1 for the journal cannot be created.")
                      .arg(folder);
        return false;
    }
    if (!m_journal.open(m_path)) {
        m_error = m_journal.errorString();
        return false;
    }
    m_audit = std::make_unique<AuditLog>(m_journal.store());
    if (!m_operator.isEmpty())
        m_audit->setOperatorName(m_operator);
    for (const QString &secret : std::as_const(m_secrets)) {
        m_audit->addSecretToRedact(secret);
        m_journal.redactor().addSecret(secret);
    }
    return true;
}

void EngineStorage::addSecretToRedact(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    m_secrets.append(secret);
    m_journal.redactor().addSecret(secret);
    if (m_audit)
        m_audit->addSecretToRedact(secret);
}

void EngineStorage::setOperatorName(const QString &name)
{
    m_operator = name;
    if (m_audit)
        m_audit->setOperatorName(name);
}
