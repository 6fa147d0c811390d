#pragma once

#include "migrationtypes.h"

#include <QObject>

class QComboBox;

// Step 2's test number, in a combo box: spare numbers first (on no trunk, so pointing one at
// the handler moves no production number), those without a voice URL of their own at the top,
// then the trunk's numbers, which leave the trunk when chosen. What a choice costs is said
// before deploying (confirmation()).
class TestNumberChooser : public QObject
{
    Q_OBJECT
public:
    explicit TestNumberChooser(QComboBox *combo, QObject *parent = nullptr);

    // Keeps the current choice when it is still offered; else the first (best) one.
    void setNumbers(const QVector<NumberInfo> &onTrunk, const QVector<NumberInfo> &spare);
    void clear();
    bool hasChoice() const;
    QString currentSid() const;
    // Empty when the chosen number is a spare one with no voice URL (nothing is lost), else
    // what deploying does to it, for the user to confirm.
    QString confirmation() const;

private:
    const NumberInfo *current() const;

    QComboBox *m_combo;
    QVector<NumberInfo> m_numbers; // in the combo's order, separators excluded
};
