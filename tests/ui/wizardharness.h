#pragma once

#include "migrationwizard.h"
#include "pageid.h"
#include "scriptedbackend.h"
#include "secretstore.h"
#include "wizardstate.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QDialog>
#include <QMenu>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

// One wizard on a ScriptedBackend (or on `engine` when given) with its own settings file, plus
// the moves most tests need: find a widget by objectName, click Next, and drive the wizard to
// a page the way a user would.
class WizardHarness
{
public:
    explicit WizardHarness(MigrationBackend *engine = nullptr);
    ~WizardHarness();

    QString settingsPath() const { return m_dir.filePath(QStringLiteral("settings.ini")); }

    template<typename T> T *find(const QString &name) const
    {
        T *widget = wizard->findChild<T *>(name);
        if (!widget)
            qWarning("no widget named %s", qPrintable(name));
        return widget;
    }

    // Clicks a button where its label starts: check boxes and radio buttons only react to
    // clicks on their indicator and text, not anywhere in a wide row.
    static void click(QAbstractButton *button);
    // Clicks it once it is enabled; false when it never becomes enabled within timeoutMs.
    static bool clickWhenEnabled(QAbstractButton *button, int timeoutMs);

    // Clicks the check box of an item view's cell (its indicator: a click elsewhere in the cell
    // does not tick it), scrolling the cell into view first.
    static void clickCheckIndicator(QAbstractItemView *view, const QModelIndex &index);

    // Opens the view's context menu on the cell as a right click does (a QContextMenuEvent to
    // the viewport) and returns the menu named `menuName` once it is shown.
    static QMenu *openContextMenu(QAbstractItemView *view, const QModelIndex &index,
                                  const QString &menuName);
    // Step 4: ticks the numbers at these rows of the model (in its order) by clicking their
    // check boxes in the table.
    void tickNumbers(const QList<int> &rows);
    // Step 4: the plan dialog Migrate or Retry opened, once it is shown.
    QDialog *planDialog() const;
    // Confirms the migration in that dialog by clicking "Migrate N…", first setting the canary
    // choice to `canary` by clicking it when it is offered. False when no dialog came or its
    // button stayed disabled.
    bool confirmMigration(bool canary = false);
    // Clicks Migrate and confirms all the ticked numbers at once.
    bool migrateTicked();

    QAbstractButton *nextButton() const { return wizard->button(QWizard::NextButton); }
    QAbstractButton *backButton() const { return wizard->button(QWizard::BackButton); }
    PageId currentPage() const { return PageId(wizard->currentId()); }
    // Clicks Next once it is enabled; false when it never becomes enabled.
    bool clickNext();
    // Drives the wizard from Connect (built-in sandbox) to `target`, waiting for the Calls
    // page's report (acknowledging nothing), deploying both steps and ticking the cut-over
    // checklist on the way. False (with a warning) if a step got stuck.
    bool driveTo(PageId target);
    // On the Calls page: ticks "I accept this change" for every change that needs it, by
    // clicking. False when the report never came.
    bool acceptAllChanges();

    // How long a step may take (the real engine waits for Serverless builds).
    int timeoutMs = 5000;
    // driveTo() deploys step 2 with the trunk's first number as the test number (confirmed),
    // which then counts as migrated, instead of the spare one the page prefers.
    bool trunkTestNumber = false;

private:
    bool chooseTrunkTestNumber();

    QTemporaryDir m_dir;

public:
    QSettings settings;
    ScriptedBackend backend;
    SecretStore secrets;
    MigrationWizard *wizard;
};
