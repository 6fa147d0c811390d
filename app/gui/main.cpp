// trunk-migrator: the migration wizard. Wiring only: the engine, the keychain and the wizard.
#include "migrationservice.h"
#include "migrationwizard.h"
#include "secretstore.h"
#include "translationloader.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

namespace {

void describeApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("TrunkMigrator"));
    QCoreApplication::setApplicationName(QStringLiteral("trunk-migrator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TM_VERSION));
}

// Parsed under a QCoreApplication, before any window system is needed, so --help and
// --version also work over SSH or on a machine without a display.
bool parsePreferSandbox(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    describeApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Moves a Twilio account from Elastic SIP Trunking to Programmable Voice."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QCoreApplication::translate("main", "Start on the built-in sandbox account."));
    parser.addOption(sandbox);
    parser.process(app); // exits after --help / --version, or on an unknown option
    return parser.isSet(sandbox);
}

} // namespace

int main(int argc, char *argv[])
{
    const bool preferSandbox = parsePreferSandbox(argc, argv);

    QApplication app(argc, argv);
    describeApplication();
    TranslationLoader::installEnglishPlurals(&app);
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Trunk Migrator"));

    QSettings settings;
    MigrationService backend;
    SecretStore secrets(&settings);
    MigrationWizard wizard(&backend, &secrets, &settings);
    if (preferSandbox)
        wizard.preferSandbox();
    wizard.show();
    return QApplication::exec();
}
