#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileDevice>
#include <QFileInfo>

namespace {
constexpr QFileDevice::Permissions OwnerFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
constexpr QFileDevice::Permissions OwnerFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
} // namespace

namespace PrivateFiles {

bool makeFolder(const QString &path)
{
    // The folders that do not exist yet, innermost last.
    QStringList missing;
    for (QFileInfo info(QDir::cleanPath(QFileInfo(path).absoluteFilePath())); !info.exists();
         info = QFileInfo(info.absolutePath())) {
        missing.prepend(info.absoluteFilePath());
        if (info.isRoot())
            break;
    }
    if (!QDir().mkpath(path))
        return false;
    bool ok = true;
    for (const QString &folder : std::as_const(missing))
        ok = QFile::setPermissions(folder, OwnerFolder) && ok;
    return ok;
}

bool restrict(QFileDevice &file)
{
    return file.setPermissions(OwnerFile);
}

bool createRestricted(const QString &path)
{
    QFile file(path);
    if (file.exists())
        return true; // not ours to change before it is known to be ours
    return file.open(QIODevice::WriteOnly) && file.setPermissions(OwnerFile);
}

} // namespace PrivateFiles
