// trunk-migrator: the migration wizard. Wiring only: the engine, the keychain and the wizard.
#include "migrationservice.h"
#include "migrationwizard.h"
#include "secretstore.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("TrunkMigrator"));
    QApplication::setApplicationName(QStringLiteral("trunk-migrator"));
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Trunk Migrator"));
    QApplication::setApplicationVersion(QStringLiteral(TM_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Moves a Twilio account from Elastic SIP Trunking to Programmable Voice."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption sandbox(
        QStringLiteral("sandbox"),
        QApplication::translate("main", "Start on the built-in sandbox account."));
    parser.addOption(sandbox);
    parser.process(app);

    QSettings settings;
    MigrationService backend;
    SecretStore secrets(&settings);
    MigrationWizard wizard(&backend, &secrets, &settings);
    if (parser.isSet(sandbox))
        wizard.preferSandbox();
    wizard.show();
    return QApplication::exec();
}
