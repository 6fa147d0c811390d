#pragma once

class QCoreApplication;

namespace TranslationLoader {
// Installs the English plural forms, so tr("%n number(s)", nullptr, n) reads "1 number" and
// "2 numbers". Every program calls it once its application object exists; the tests do too.
void installEnglishPlurals(QCoreApplication *app);
} // namespace TranslationLoader
