#pragma once

#include <QString>

class QFileDevice;

// Files that hold an account's data (journal, audit CSV, exported handlers) are readable by
// their owner only: 0600 files, and 0700 for every folder this program creates for them.
// Folders that already exist (one the user chose) are left as they are.
namespace PrivateFiles {

// mkpath; each folder it had to create gets 0700. False when it cannot be created.
bool makeFolder(const QString &path);
// 0600 on an open file (a QSaveFile's temporary one included, so the rename keeps it).
bool restrict(QFileDevice &file);
// Creates a missing file empty with 0600 (e.g. before SQLite opens it); an existing file is
// left untouched.
bool createRestricted(const QString &path);

} // namespace PrivateFiles
