<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>CallChoicesForm</name>
        <message numerus="yes">
            <source>&amp;Keep the fallback URLs of %n number(s) the trunk ignored</source>
            <translation>
                <numerusform>&amp;Keep the fallback URL of %n number the trunk ignored</numerusform>
                <numerusform>&amp;Keep the fallback URLs of %n numbers the trunk ignored</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Keep the &amp;status callbacks of %n number(s) the trunk ignored</source>
            <translation>
                <numerusform>Keep the &amp;status callback of %n number the trunk ignored</numerusform>
                <numerusform>Keep the &amp;status callbacks of %n numbers the trunk ignored</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CallEquivalence</name>
        <message numerus="yes">
            <source> and %n more</source>
            <translation>
                <numerusform> and %n more</numerusform>
                <numerusform> and %n more</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s) carry one the trunk ignored: %1</source>
            <translation>
                <numerusform>%n number carries one the trunk ignored: %1</numerusform>
                <numerusform>%n numbers carry one the trunk ignored: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Rings up to %n second(s).</source>
            <translation>
                <numerusform>Rings up to %n second.</numerusform>
                <numerusform>Rings up to %n seconds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Unanswered calls stop ringing after %n second(s).</source>
            <translation>
                <numerusform>Unanswered calls stop ringing after %n second.</numerusform>
                <numerusform>Unanswered calls stop ringing after %n seconds.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n second(s) (&lt;Dial timeLimit&gt;).</source>
            <translation>
                <numerusform>%n second (&lt;Dial timeLimit&gt;).</numerusform>
                <numerusform>%n seconds (&lt;Dial timeLimit&gt;).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Calls end after %n hour(s).</source>
            <translation>
                <numerusform>Calls end after %n hour.</numerusform>
                <numerusform>Calls end after %n hours.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s) with an emergency address: %1</source>
            <translation>
                <numerusform>%n number with an emergency address: %1</numerusform>
                <numerusform>%n numbers with an emergency address: %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n number(s) receive faxes: %1</source>
            <translation>
                <numerusform>%n number receives faxes: %1</numerusform>
                <numerusform>%n numbers receive faxes: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CanaryBox</name>
        <message numerus="yes">
            <source>%n number(s) moved as a canary; verifying their routes and the test number's before offering the other %1…</source>
            <translation>
                <numerusform>%n number moved as a canary; verifying its route and the test number's before offering the other %1…</numerusform>
                <numerusform>%n numbers moved as a canary; verifying their routes and the test number's before offering the other %1…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Migrate the &amp;remaining %n</source>
            <translation>
                <numerusform>Migrate the &amp;remaining %n</numerusform>
                <numerusform>Migrate the &amp;remaining %n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Migrate the &amp;remaining %n anyway</source>
            <translation>
                <numerusform>Migrate the &amp;remaining %n anyway</numerusform>
                <numerusform>Migrate the &amp;remaining %n anyway</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EquivalencePage</name>
        <message numerus="yes">
            <source>%n kept as on the trunk</source>
            <translation>
                <numerusform>%n kept as on the trunk</numerusform>
                <numerusform>%n kept as on the trunk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n carried another way</source>
            <translation>
                <numerusform>%n carried another way</numerusform>
                <numerusform>%n carried another way</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n lost</source>
            <translation>
                <numerusform>%n lost</numerusform>
                <numerusform>%n lost</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Of %n setting(s): %1.</source>
            <translation>
                <numerusform>Of %n setting: %1.</numerusform>
                <numerusform>Of %n settings: %1.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Tick "I accept this change" for %n change(s) to go on: steps 1 and 2 apply them.</source>
            <translation>
                <numerusform>Tick "I accept this change" for %n change to go on: steps 1 and 2 apply them.</numerusform>
                <numerusform>Tick "I accept this change" for %n changes to go on: steps 1 and 2 apply them.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message numerus="yes">
            <source>%n row(s) written to %1.</source>
            <translation>
                <numerusform>%n row written to %1.</numerusform>
                <numerusform>%n rows written to %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HandlerProbe</name>
        <message numerus="yes">
            <source>still dialling after %n target(s)</source>
            <translation>
                <numerusform>still dialling after %n target</numerusform>
                <numerusform>still dialling after %n targets</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NumberCounts</name>
        <message numerus="yes">
            <source>%n on the trunk</source>
            <translation>
                <numerusform>%n on the trunk</numerusform>
                <numerusform>%n on the trunk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n migrating</source>
            <translation>
                <numerusform>%n migrating</numerusform>
                <numerusform>%n migrating</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with the new URL but still on the trunk</source>
            <translation>
                <numerusform>%n with the new URL but still on the trunk</numerusform>
                <numerusform>%n with the new URL but still on the trunk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n migrated</source>
            <translation>
                <numerusform>%n migrated</numerusform>
                <numerusform>%n migrated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed</source>
            <translation>
                <numerusform>%n failed</numerusform>
                <numerusform>%n failed</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reverting</source>
            <translation>
                <numerusform>%n reverting</numerusform>
                <numerusform>%n reverting</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reverted</source>
            <translation>
                <numerusform>%n reverted</numerusform>
                <numerusform>%n reverted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n no longer on the trunk</source>
            <translation>
                <numerusform>%n no longer on the trunk</numerusform>
                <numerusform>%n no longer on the trunk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n with the new URL already set</source>
            <translation>
                <numerusform>%n with the new URL already set</numerusform>
                <numerusform>%n with the new URL already set</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NumberTask</name>
        <message numerus="yes">
            <source>Stopped at a safe point after %n minute(s), its deadline: Twilio answered too slowly. Retry it.</source>
            <translation>
                <numerusform>Stopped at a safe point after %n minute, its deadline: Twilio answered too slowly. Retry it.</numerusform>
                <numerusform>Stopped at a safe point after %n minutes, its deadline: Twilio answered too slowly. Retry it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>NumbersPage</name>
        <message numerus="yes">
            <source>Put %n numbers back on the trunk and restore their previous voice settings?</source>
            <translation>
                <numerusform>Put %n number back on the trunk and restore its previous voice settings?</numerusform>
                <numerusform>Put %n numbers back on the trunk and restore their previous voice settings?</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n migrated</source>
            <translation>
                <numerusform>%n migrated</numerusform>
                <numerusform>%n migrated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already migrated</source>
            <translation>
                <numerusform>%n already migrated</numerusform>
                <numerusform>%n already migrated</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n reverted</source>
            <translation>
                <numerusform>%n reverted</numerusform>
                <numerusform>%n reverted</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n failed (the Failed filter lists them, each with its error)</source>
            <translation>
                <numerusform>%n failed (the Failed filter lists them, each with its error)</numerusform>
                <numerusform>%n failed (the Failed filter lists them, each with its error)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n stopped before finishing (see the State column)</source>
            <translation>
                <numerusform>%n stopped before finishing (see the State column)</numerusform>
                <numerusform>%n stopped before finishing (see the State column)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Migrate %n ticked…</source>
            <translation>
                <numerusform>&amp;Migrate %n ticked…</numerusform>
                <numerusform>&amp;Migrate %n ticked…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Revert %n ticked…</source>
            <translation>
                <numerusform>&amp;Revert %n ticked…</numerusform>
                <numerusform>&amp;Revert %n ticked…</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Re&amp;try %n failed…</source>
            <translation>
                <numerusform>Re&amp;try %n failed…</numerusform>
                <numerusform>Re&amp;try %n failed…</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PlanDialog</name>
        <message numerus="yes">
            <source>%n number(s) to migrate: each gets the new voice URL, then leaves the trunk</source>
            <translation>
                <numerusform>%n number to migrate: each gets the new voice URL, then leaves the trunk</numerusform>
                <numerusform>%n numbers to migrate: each gets the new voice URL, then leaves the trunk</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n already migrated (nothing to do)</source>
            <translation>
                <numerusform>%n already migrated (nothing to do)</numerusform>
                <numerusform>%n already migrated (nothing to do)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n API change(s)</source>
            <translation>
                <numerusform>%n API change</numerusform>
                <numerusform>%n API changes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n change(s) to how calls behave not acknowledged yet: see below, and the "Calls after the migration" page.</source>
            <translation>
                <numerusform>%n change to how calls behave not acknowledged yet: see below, and the "Calls after the migration" page.</numerusform>
                <numerusform>%n changes to how calls behave not acknowledged yet: see below, and the "Calls after the migration" page.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Migrate %n as a canary</source>
            <translation>
                <numerusform>&amp;Migrate %n as a canary</numerusform>
                <numerusform>&amp;Migrate %n as a canary</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&amp;Migrate %n number(s)</source>
            <translation>
                <numerusform>&amp;Migrate %n number</numerusform>
                <numerusform>&amp;Migrate %n numbers</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%1, then verify; the other %n are offered after that.</source>
            <translation>
                <numerusform>%1, then verify; the other %n is offered after that.</numerusform>
                <numerusform>%1, then verify; the other %n are offered after that.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>All %n at once.</source>
            <translation>
                <numerusform>All %n at once.</numerusform>
                <numerusform>All %n at once.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RecentCallsView</name>
        <message numerus="yes">
            <source>%n call leg(s) on %1.</source>
            <translation>
                <numerusform>%n call leg on %1.</numerusform>
                <numerusform>%n call legs on %1.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RouteVerification</name>
        <message numerus="yes">
            <source>simulated call: %n leg(s), answered at %1</source>
            <translation>
                <numerusform>simulated call: %n leg, answered at %1</numerusform>
                <numerusform>simulated call: %n legs, answered at %1</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>simulated call: %n leg(s), %1</source>
            <translation>
                <numerusform>simulated call: %n leg, %1</numerusform>
                <numerusform>simulated call: %n legs, %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TestCallPanel</name>
        <message numerus="yes">
            <source>%n leg(s) recorded. Route: %1</source>
            <translation>
                <numerusform>%n leg recorded. Route: %1</numerusform>
                <numerusform>%n legs recorded. Route: %1</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrunkDeletion</name>
        <message numerus="yes">
            <source>The trunk still holds %n number(s); it was not deleted. Migrate or move them first.</source>
            <translation>
                <numerusform>The trunk still holds %n number; it was not deleted. Migrate or move them first.</numerusform>
                <numerusform>The trunk still holds %n numbers; it was not deleted. Migrate or move them first.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrunkDeletionBox</name>
        <message numerus="yes">
            <source>I understand that deleting the trunk ends &amp;revert: the %n migrated number(s) can no longer be put back on it.</source>
            <translation>
                <numerusform>I understand that deleting the trunk ends &amp;revert: the %n migrated number can no longer be put back on it.</numerusform>
                <numerusform>I understand that deleting the trunk ends &amp;revert: the %n migrated numbers can no longer be put back on it.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>TrunkPage</name>
        <message numerus="yes">
            <source>%n trunk(s) on this account.</source>
            <translation>
                <numerusform>%n trunk on this account.</numerusform>
                <numerusform>%n trunks on this account.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Validation</name>
        <message numerus="yes">
            <source>An auth token is 32 hexadecimal digits; this one has %n character(s).</source>
            <translation>
                <numerusform>An auth token is 32 hexadecimal digits; this one has %n character.</numerusform>
                <numerusform>An auth token is 32 hexadecimal digits; this one has %n characters.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>An API key secret is 32 letters and digits; this one has %n character(s).</source>
            <translation>
                <numerusform>An API key secret is 32 letters and digits; this one has %n character.</numerusform>
                <numerusform>An API key secret is 32 letters and digits; this one has %n characters.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VerifyCommand</name>
        <message numerus="yes">
            <source>Verified %n number(s) of trunk %1 through %2.
</source>
            <translation>
                <numerusform>Verified %n number of trunk %1 through %2.
</numerusform>
                <numerusform>Verified %n numbers of trunk %1 through %2.
</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Result: %n number(s) route differently (or the account does).
</source>
            <translation>
                <numerusform>Result: %n number routes differently (or the account does).
</numerusform>
                <numerusform>Result: %n numbers route differently (or the account does).
</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>VerifyPanel</name>
        <message numerus="yes">
            <source>Same routes as on the trunk (%n number(s)).</source>
            <translation>
                <numerusform>Same routes as on the trunk (%n number).</numerusform>
                <numerusform>Same routes as on the trunk (%n numbers).</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%n route(s) differ from the trunk's.&lt;/b&gt;</source>
            <translation>
                <numerusform>&lt;b&gt;%n route differs from the trunk's.&lt;/b&gt;</numerusform>
                <numerusform>&lt;b&gt;%n routes differ from the trunk's.&lt;/b&gt;</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>WebhookClient</name>
        <message numerus="yes">
            <source>the answer is larger than %n byte(s)</source>
            <translation>
                <numerusform>the answer is larger than %n byte</numerusform>
                <numerusform>the answer is larger than %n bytes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>no complete answer within %n second(s)</source>
            <translation>
                <numerusform>no complete answer within %n second</numerusform>
                <numerusform>no complete answer within %n seconds</numerusform>
            </translation>
        </message>
    </context>
</TS>
