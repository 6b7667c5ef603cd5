<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n years</source>
        <extracomment>How far past the laptop&apos;s clock a contact&apos;s time may be set (clocks drift a little).</extracomment>
        <translation>
            <numerusform>%n år</numerusform>
            <numerusform>%n år</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClockWarning</name>
    <message>
        <source>The computer&apos;s clock is wrong (it is ahead of the server&apos;s). Your work is saved, but ask IT to set the clock right, so that changes are put in the right order.</source>
        <translation>Computerens ur går forkert (det er foran serverens ur). Dit arbejde er gemt, men bed IT om at stille uret, så ændringerne kommer i den rigtige rækkefølge.</translation>
    </message>
    <message>
        <source>&amp;Understood</source>
        <translation>&amp;Forstået</translation>
    </message>
</context>
<context>
    <name>ColdWeatherDialog</name>
    <message>
        <source>Cold weather: everyone sleeping rough</source>
        <translation>Kulde: alle der sover ude</translation>
    </message>
    <message>
        <source>Everyone sleeping rough</source>
        <translation>Alle der sover ude</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message numerus="yes">
        <source>Everyone whose situation is rough sleeping or another emergency dwelling and who was seen in the last %n days, by their last known place. Tick them off as you find them (Space); Enter opens the person. The ticks are not saved.</source>
        <translation>
            <numerusform>Alle, der står som gadesovere eller i anden nødbolig og er set inden for den seneste %n dag, efter sidst kendte sted. Sæt flueben, efterhånden som I finder dem (mellemrum); Enter åbner borgeren. Fluebenene gemmes ikke.</numerusform>
            <numerusform>Alle, der står som gadesovere eller i anden nødbolig og er set inden for de seneste %n dage, efter sidst kendte sted. Sæt flueben, efterhånden som I finder dem (mellemrum); Enter åbner borgeren. Fluebenene gemmes ikke.</numerusform>
        </translation>
    </message>
    <message>
        <source>No known place</source>
        <translation>Intet kendt sted</translation>
    </message>
    <message>
        <source>last seen {date}</source>
        <translation>sidst set {date}</translation>
    </message>
    <message>
        <source>Nobody on the list: no-one seen sleeping rough lately.</source>
        <translation>Ingen på listen: ingen er set sove ude for nylig.</translation>
    </message>
    <message numerus="yes">
        <source>Found {found} of %n</source>
        <translation>
            <numerusform>Fundet {found} af %n</numerusform>
            <numerusform>Fundet {found} af %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConfirmExportDialog</name>
    <message>
        <source>Save personal data?</source>
        <translation>Gem personoplysninger?</translation>
    </message>
    <message numerus="yes">
        <source>The file holds personal data: the CPR number, initials and birth date of %n people. The export is logged for each of them, and they can see that in an access request. Save it only where the municipality&apos;s rules allow, and delete it when the count has been sent.</source>
        <translation>
            <numerusform>Filen indeholder personoplysninger: CPR-nummer, initialer og fødselsdato for %n borger. Udtrækket bliver logget, og borgeren kan se det ved en anmodning om indsigt. Gem den kun dér, hvor kommunens regler tillader det, og slet den, når optællingen er indberettet.</numerusform>
            <numerusform>Filen indeholder personoplysninger: CPR-nummer, initialer og fødselsdato for %n borgere. Udtrækket bliver logget for hver af dem, og de kan se det ved en anmodning om indsigt. Gem den kun dér, hvor kommunens regler tillader det, og slet den, når optællingen er indberettet.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Choose where to save…</source>
        <translation>&amp;Vælg hvor filen skal gemmes …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
</context>
<context>
    <name>ConflictsScreen</name>
    <message>
        <source>Person</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>Gælder nu</translation>
    </message>
    <message>
        <source>The other value</source>
        <translation>Den anden værdi</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>No conflicts. When two people change the same thing while apart, both values are shown here so you can choose.</source>
        <translation>Ingen konflikter. Når to har ændret det samme hver for sig, vises begge værdier her, så du kan vælge.</translation>
    </message>
    <message>
        <source>&amp;Keep this one</source>
        <translation>&amp;Behold denne</translation>
    </message>
    <message>
        <source>&amp;Use this one instead</source>
        <translation>Brug &amp;denne i stedet</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Why it was refused</source>
        <translation>Hvorfor den blev afvist</translation>
    </message>
    <message>
        <source>Changes the server refused</source>
        <translation>Ændringer, som serveren afviste</translation>
    </message>
    <message>
        <source>Your own copy is unchanged on this computer; the team does not see the change. Open the person to check it or do it again another way.</source>
        <translation>Din egen udgave er uændret på denne computer, men teamet kan ikke se ændringen. Åbn borgeren for at tjekke den eller gøre det på en anden måde.</translation>
    </message>
    <message>
        <source>&amp;Remove from the list</source>
        <translation>&amp;Fjern fra listen</translation>
    </message>
    <message>
        <source>When two people change the same field while apart, the latest change wins and the other value is kept here. Look at both and choose; your choice is sent to the team at the next sync.</source>
        <translation>Når to har ændret det samme felt hver for sig, gælder den seneste ændring, og den anden værdi gemmes her. Se på begge, og vælg. Dit valg sendes til teamet ved næste synkronisering.</translation>
    </message>
    <message>
        <source>you</source>
        <translation>dig</translation>
    </message>
    <message>
        <source>another worker</source>
        <translation>en anden medarbejder</translation>
    </message>
    <message>
        <source>Saved by {who}, {when}</source>
        <translation>Gemt af {who}, {when}</translation>
    </message>
    <message>
        <source>Saved by {who}</source>
        <translation>Gemt af {who}</translation>
    </message>
    <message>
        <source>Saved {when}</source>
        <translation>Gemt {when}</translation>
    </message>
    <message>
        <source>Changed again since the conflict</source>
        <translation>Ændret igen siden konflikten</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Slettet</translation>
    </message>
    <message>
        <source>The record has been deleted, so the other value cannot be restored.</source>
        <translation>Oplysningen er slettet, så den anden værdi kan ikke sættes ind igen.</translation>
    </message>
    <message>
        <source>Both choices are saved as an ordinary change and sent to the team.</source>
        <translation>Begge valg gemmes som en almindelig ændring og sendes til teamet.</translation>
    </message>
    <message>
        <source>The other value is used now. It is sent at the next sync.</source>
        <translation>Den anden værdi bruges nu. Den sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>The current value is kept.</source>
        <translation>Den nuværende værdi er beholdt.</translation>
    </message>
</context>
<context>
    <name>CouncilReport</name>
    <message>
        <source>Page {page}</source>
        <extracomment>Dots per inch of the PDF&apos;s coordinate system (the page is vector; this is its grid).</extracomment>
        <translation>Side {page}</translation>
    </message>
    <message>
        <source>Homelessness: status report to the city council</source>
        <translation>Hjemløshed: statusrapport til byrådet</translation>
    </message>
    <message>
        <source>Gadeplan · counts only, no personal data · as of {date}</source>
        <translation>Gadeplan · kun antal, ingen personoplysninger · opgjort {date}</translation>
    </message>
    <message>
        <source>All data on the computer the report was made on (the whole municipality&apos;s)</source>
        <translation>Alle data på den computer, rapporten er lavet på (hele kommunens)</translation>
    </message>
    <message>
        <source>One team&apos;s data</source>
        <translation>Ét teams data</translation>
    </message>
    <message>
        <source>As of {date}. Counted by the rules of the national count (VIVE). {scope}.</source>
        <translation>Opgjort {date} efter reglerne for den nationale hjemløsetælling (VIVE). {scope}.</translation>
    </message>
    <message numerus="yes">
        <source>%n homeless</source>
        <translation>
            <numerusform>%n hjemløs</numerusform>
            <numerusform>%n hjemløse</numerusform>
        </translation>
    </message>
    <message>
        <source>The goal is fewer than {goal}: reached.</source>
        <translation>Målet er under {goal}: nået.</translation>
    </message>
    <message>
        <source>The goal is fewer than {goal}: not reached yet.</source>
        <translation>Målet er under {goal}: endnu ikke nået.</translation>
    </message>
    <message>
        <source>Of them, and beside them</source>
        <translation>Heraf, og ved siden af</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Antal</translation>
    </message>
    <message>
        <source>Young, 18–24 years</source>
        <translation>Unge 18–24 år</translation>
    </message>
    <message>
        <source>Young, 25–29 years</source>
        <translation>Unge 25–29 år</translation>
    </message>
    <message>
        <source>Sofa surfers</source>
        <translation>Sofasovere</translation>
    </message>
    <message>
        <source>Leaving prison or hospital within a month</source>
        <translation>Løsladelse eller udskrivning inden for en måned</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>Alder ukendt</translation>
    </message>
    <message numerus="yes">
        <source>Inactive: not seen for %n days, not counted above</source>
        <translation>
            <numerusform>Inaktive: ikke set i %n dag, ikke talt med ovenfor</numerusform>
            <numerusform>Inaktive: ikke set i %n dage, ikke talt med ovenfor</numerusform>
        </translation>
    </message>
    <message>
        <source>By situation</source>
        <translation>Efter boligsituation</translation>
    </message>
    <message>
        <source>Situation (the national count&apos;s categories)</source>
        <translation>Boligsituation (hjemløsetællingens kategorier)</translation>
    </message>
    <message>
        <source>Homeless by situation</source>
        <translation>Hjemløse efter boligsituation</translation>
    </message>
    <message>
        <source>Month by month, against the goal</source>
        <translation>Måned for måned, set mod målet</translation>
    </message>
    <message>
        <source>Homeless at the end of each month (for the last month: on {date}). The goal is the dashed line; the reduction target&apos;s line runs from the baseline to the target.</source>
        <translation>Hjemløse ved udgangen af hver måned (for den seneste måned: den {date}). Målet er den stiplede linje; reduktionsmålets linje går fra basislinjen til målet.</translation>
    </message>
    <message>
        <source>In and out of homelessness</source>
        <translation>Ind i og ud af hjemløshed</translation>
    </message>
    <message>
        <source>People who became homeless or were found again (above the line), and people who left the list (below it), month by month, by name on the team&apos;s list.</source>
        <translation>Borgere, der er blevet hjemløse eller fundet igen (over linjen), og borgere, der er gået ud af listen (under linjen), måned for måned, opgjort ved navn på teamets liste.</translation>
    </message>
    <message>
        <source>The numbers month by month</source>
        <translation>Tallene måned for måned</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>Homeless</source>
        <translation>Hjemløse</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktive</translation>
    </message>
    <message>
        <source>Reduction target: {percent} % fewer by {year} than in {base} (the baseline count is not entered).</source>
        <translation>Reduktionsmål: {percent} % færre i {year} end i {base} (antallet i basisåret er ikke angivet).</translation>
    </message>
    <message>
        <source>Reduction target: {percent} % fewer than {count} in {base}, that is {target} by {year}.</source>
        <translation>Reduktionsmål: {percent} % færre end {count} i {base}, dvs. {target} i {year}.</translation>
    </message>
    <message>
        <source>Now {change} against {base}.</source>
        <translation>Nu {change} i forhold til {base}.</translation>
    </message>
</context>
<context>
    <name>CountModel</name>
    <message>
        <source>Person</source>
        <extracomment>What the draft is made from: if these change, the draft shown is out of date. Nicknames of left-out people named under the draft; a large store has thousands. (title, suggested file name, filter) -&gt; the chosen path, or None when cancelled.</extracomment>
        <translation>Borger</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>Initialer</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Situation in the week</source>
        <translation>Situation i ugen</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>DD-MM-YYYY</source>
        <translation>DD-MM-ÅÅÅÅ</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>The age must be between 0 and 120.</source>
        <extracomment>The vocabulary of a field whose values are codes, so they are shown as words. Messages for one field and code; checked before the code&apos;s general message.</extracomment>
        <translation>Alderen skal være mellem 0 og 120.</translation>
    </message>
    <message>
        <source>The birth year must be between 1900 and 2100.</source>
        <translation>Fødselsåret skal være mellem 1900 og 2100.</translation>
    </message>
    <message>
        <source>Arrears cannot be negative.</source>
        <translation>Restancen kan ikke være negativ.</translation>
    </message>
    <message>
        <source>Rent cannot be negative.</source>
        <translation>Huslejen kan ikke være negativ.</translation>
    </message>
    <message>
        <source>The follow-up date is before the contact.</source>
        <translation>Opfølgningsdatoen ligger før kontakten.</translation>
    </message>
    <message>
        <source>The lease ends before the move-in date.</source>
        <translation>Lejemålet slutter før indflytningsdatoen.</translation>
    </message>
    <message>
        <source>The consent expires before it was given.</source>
        <translation>Samtykket udløber, før det er givet.</translation>
    </message>
    <message>
        <source>The consent is withdrawn before it was given.</source>
        <translation>Samtykket er trukket tilbage, før det er givet.</translation>
    </message>
    <message>
        <source>Give the expected date of release or discharge.</source>
        <translation>Skriv den forventede dato for løsladelse eller udskrivning.</translation>
    </message>
    <message>
        <source>Give the move-in date when the person has moved in.</source>
        <translation>Skriv indflytningsdatoen, når personen er flyttet ind.</translation>
    </message>
    <message>
        <source>Give at least a nickname; a name is not needed.</source>
        <translation>Skriv mindst et kaldenavn; et navn er ikke nødvendigt.</translation>
    </message>
    <message>
        <source>A phone number cannot be empty.</source>
        <translation>Et telefonnummer kan ikke være tomt.</translation>
    </message>
    <message>
        <source>This must be filled in.</source>
        <extracomment>One message per stable code of FieldError; the UI&apos;s own codes are at the end.</extracomment>
        <translation>Skal udfyldes.</translation>
    </message>
    <message>
        <source>A CPR number has ten digits: DDMMYY-XXXX.</source>
        <translation>Et CPR-nummer har ti cifre: DDMMÅÅ-XXXX.</translation>
    </message>
    <message>
        <source>The birth date does not match the CPR number.</source>
        <translation>Fødselsdatoen passer ikke med CPR-nummeret.</translation>
    </message>
    <message>
        <source>The value is not plausible.</source>
        <translation>Værdien virker ikke sandsynlig.</translation>
    </message>
    <message>
        <source>This date is before the start date.</source>
        <translation>Datoen ligger før startdatoen.</translation>
    </message>
    <message>
        <source>An anonymous contact needs an approximate age or a description.</source>
        <translation>En anonym kontakt skal have en omtrentlig alder eller en beskrivelse.</translation>
    </message>
    <message>
        <source>A referral needs the person&apos;s consent, unless it is one of the cooperations in § 115 of the Administration of Justice Act.</source>
        <translation>En henvisning kræver personens samtykke, medmindre det er et af samarbejderne i retsplejelovens § 115.</translation>
    </message>
    <message>
        <source>Only the worker who wrote this can correct it.</source>
        <translation>Kun den medarbejder, der skrev det, kan rette det.</translation>
    </message>
    <message>
        <source>Write the date as DD-MM-YYYY, for example 24-12-2026.</source>
        <translation>Skriv datoen som DD-MM-ÅÅÅÅ, fx 24-12-2026.</translation>
    </message>
    <message>
        <source>Write a whole number.</source>
        <translation>Skriv et helt tal.</translation>
    </message>
    <message>
        <source>The record has been deleted, so its other value cannot be restored.</source>
        <translation>Oplysningen er slettet, så den anden værdi kan ikke sættes ind igen.</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Person</source>
        <extracomment>What each kind of record is called on screen (the wire&apos;s entity names are codes).</extracomment>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Housing situation</source>
        <translation>Boligsituation</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>Overgang</translation>
    </message>
    <message>
        <source>Eviction case</source>
        <translation>Udsættelsessag</translation>
    </message>
    <message>
        <source>Housing offer</source>
        <translation>Boligtilbud</translation>
    </message>
    <message>
        <source>Support goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Samarbejdspartner</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <source>Log entry</source>
        <translation>Logpost</translation>
    </message>
    <message>
        <source>Team</source>
        <extracomment>Field names as the editors label them (without their mnemonics).</extracomment>
        <translation>Team</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Medarbejder</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Kaldenavn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fødselsdato</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Fødselsår</translation>
    </message>
    <message>
        <source>Approximate age</source>
        <translation>Omtrentlig alder</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Phone numbers</source>
        <translation>Telefonnumre</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Steder</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Has been in care</source>
        <translation>Har været anbragt</translation>
    </message>
    <message>
        <source>Aftercare ends on</source>
        <translation>Efterværn slutter</translation>
    </message>
    <message>
        <source>Functionally homeless</source>
        <translation>Funktionelt hjemløs</translation>
    </message>
    <message>
        <source>First met on</source>
        <translation>Første møde</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Expected release/discharge</source>
        <translation>Forventet løsladelse/udskrivning</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Ready for own housing</source>
        <translation>Klar til egen bolig</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Registreret af</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Emner</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Kilde</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Næste skridt</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Opfølgning den</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Housing plan</source>
        <translation>Boligplan</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Landlord</source>
        <translation>Udlejer</translation>
    </message>
    <message>
        <source>Court hearing</source>
        <translation>Retsmøde</translation>
    </message>
    <message>
        <source>Bailiff&apos;s visit</source>
        <translation>Fogedforretning</translation>
    </message>
    <message>
        <source>Arrears</source>
        <translation>Restance</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Indsatser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Område</translation>
    </message>
    <message>
        <source>Monthly rent</source>
        <translation>Månedlig husleje</translation>
    </message>
    <message>
        <source>Lease ends on</source>
        <translation>Lejemålet udløber</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Centralt</translation>
    </message>
    <message>
        <source>Strained area</source>
        <translation>Udsat boligområde</translation>
    </message>
    <message>
        <source>Move-in date</source>
        <translation>Indflytningsdato</translation>
    </message>
    <message>
        <source>Alternative solution</source>
        <translation>Alternativ løsning</translation>
    </message>
    <message>
        <source>In their own words</source>
        <translation>Med borgerens egne ord</translation>
    </message>
    <message>
        <source>Target date</source>
        <translation>Måldato</translation>
    </message>
    <message>
        <source>Referred on</source>
        <translation>Henvist den</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Hjemmel</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Note on the outcome</source>
        <translation>Note om resultatet</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Givet den</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>Udløber den</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Hvad må deles</translation>
    </message>
    <message>
        <source>Withdrawn on</source>
        <translation>Trukket tilbage den</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Forfalder den</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Ansvarlig</translation>
    </message>
    <message>
        <source>Done on</source>
        <translation>Udført den</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Support area</source>
        <extracomment>Where one name means different things in different records.</extracomment>
        <translation>Indsatsområde</translation>
    </message>
    <message>
        <source>Kind of housing</source>
        <translation>Boligtype</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Gadeplan</source>
        <translation>Velkommen til Gadeplan</translation>
    </message>
    <message>
        <source>Gadeplan keeps your notes about the people you meet encrypted on this computer, and works without a network. Choose a passphrase to lock them with.</source>
        <translation>Gadeplan gemmer dine noter om de borgere, du møder, krypteret på denne computer og virker uden netværk. Vælg en adgangsfrase, som noterne låses med.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;Create profile</source>
        <translation>&amp;Opret profil</translation>
    </message>
    <message>
        <source>Your profile will be protected by {protection}.</source>
        <translation>Din profil bliver beskyttet af {protection}.</translation>
    </message>
    <message>
        <source>Without a keychain the passphrase is the only lock, so it must be longer.</source>
        <translation>Uden nøglering er adgangsfrasen den eneste lås, så den skal være længere.</translation>
    </message>
    <message>
        <source>Creating the encrypted profile…</source>
        <translation>Opretter den krypterede profil …</translation>
    </message>
</context>
<context>
    <name>Gate</name>
    <message>
        <source>The profile is open with your new passphrase. It is protected by {protection}.</source>
        <translation>Profilen er åbnet med din nye adgangsfrase. Den er beskyttet af {protection}.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Nobody yet</source>
        <translation>Ingen endnu</translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation>&amp;Kaldenavn</translation>
    </message>
    <message>
        <source>Full na&amp;me</source>
        <translation>&amp;Fulde navn</translation>
    </message>
    <message>
        <source>&amp;CPR number</source>
        <translation>&amp;CPR-nummer</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>Uændret</translation>
    </message>
    <message>
        <source>&amp;Birth date</source>
        <translation>Fødsels&amp;dato</translation>
    </message>
    <message>
        <source>Birth &amp;year</source>
        <translation>Fødsels&amp;år</translation>
    </message>
    <message>
        <source>Approximate &amp;age</source>
        <translation>Omtrentlig &amp;alder</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Phone numbers (one a line)</source>
        <translation>&amp;Telefonnumre (ét pr. linje)</translation>
    </message>
    <message>
        <source>P&amp;laces (one a line)</source>
        <translation>&amp;Steder (ét pr. linje)</translation>
    </message>
    <message>
        <source>C&amp;ontact person</source>
        <translation>K&amp;ontaktperson</translation>
    </message>
    <message>
        <source>Has been in &amp;care</source>
        <translation>Har været &amp;anbragt</translation>
    </message>
    <message>
        <source>Aftercare &amp;ends on</source>
        <translation>&amp;Efterværn slutter</translation>
    </message>
    <message>
        <source>&amp;Functionally homeless (has a home but cannot be in it)</source>
        <translation>&amp;Funktionelt hjemløs (har en bolig, men kan ikke være i den)</translation>
    </message>
    <message>
        <source>&amp;First met on</source>
        <translation>Første &amp;møde</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>&amp;Situation</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Fra</translation>
    </message>
    <message>
        <source>E&amp;xpected release/discharge</source>
        <translation>&amp;Forventet løsladelse/udskrivning</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Ready for own housing</source>
        <translation>&amp;Klar til egen bolig</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>&amp;Topics (one a line)</source>
        <translation>&amp;Emner (ét pr. linje)</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>Næste s&amp;kridt</translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation>&amp;Opfølgning den</translation>
    </message>
    <message>
        <source>&amp;Transition</source>
        <translation>&amp;Overgang</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>&amp;Housing plan</source>
        <translation>&amp;Boligplan</translation>
    </message>
    <message>
        <source>&amp;Completed</source>
        <translation>&amp;Afsluttet</translation>
    </message>
    <message>
        <source>&amp;Landlord</source>
        <translation>&amp;Udlejer</translation>
    </message>
    <message>
        <source>&amp;Court hearing</source>
        <translation>&amp;Retsmøde</translation>
    </message>
    <message>
        <source>&amp;Bailiff&apos;s visit</source>
        <translation>&amp;Fogedforretning</translation>
    </message>
    <message>
        <source>&amp;Arrears (kr.)</source>
        <translation>&amp;Restance (kr.)</translation>
    </message>
    <message>
        <source>Ac&amp;tions (one a line)</source>
        <translation>&amp;Indsatser (én pr. linje)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>S&amp;tatus</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>A&amp;ddress</source>
        <translation>&amp;Adresse</translation>
    </message>
    <message>
        <source>A&amp;rea</source>
        <translation>&amp;Område</translation>
    </message>
    <message>
        <source>Monthly &amp;rent (kr.)</source>
        <translation>Månedlig &amp;husleje (kr.)</translation>
    </message>
    <message>
        <source>Lease &amp;ends on (avoid if set)</source>
        <translation>Lejemålet &amp;udløber (undgå bagkant)</translation>
    </message>
    <message>
        <source>&amp;Central</source>
        <translation>&amp;Centralt</translation>
    </message>
    <message>
        <source>Strained &amp;neighbourhood</source>
        <translation>Udsat &amp;boligområde</translation>
    </message>
    <message>
        <source>&amp;Move-in date</source>
        <translation>&amp;Indflytningsdato</translation>
    </message>
    <message>
        <source>&amp;Alternative solution (if not ready for own home)</source>
        <translation>Alternativ &amp;løsning (hvis ikke klar til egen bolig)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>&amp;Område</translation>
    </message>
    <message>
        <source>In the person&apos;s &amp;own words</source>
        <translation>Med borgerens &amp;egne ord</translation>
    </message>
    <message>
        <source>&amp;Target date</source>
        <translation>&amp;Måldato</translation>
    </message>
    <message>
        <source>&amp;Partner</source>
        <translation>&amp;Samarbejdspartner</translation>
    </message>
    <message>
        <source>&amp;Given on</source>
        <translation>&amp;Givet den</translation>
    </message>
    <message>
        <source>&amp;Expires on</source>
        <translation>&amp;Udløber den</translation>
    </message>
    <message>
        <source>&amp;What may be shared</source>
        <translation>&amp;Hvad må deles</translation>
    </message>
    <message>
        <source>&amp;Withdrawn on</source>
        <translation>&amp;Trukket tilbage den</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Intet samtykke</translation>
    </message>
    <message>
        <source>{partner}, given {date}</source>
        <translation>{partner}, givet {date}</translation>
    </message>
    <message>
        <source>&amp;Referred on</source>
        <translation>&amp;Henvist den</translation>
    </message>
    <message>
        <source>P&amp;urpose</source>
        <translation>&amp;Formål</translation>
    </message>
    <message>
        <source>&amp;Legal basis</source>
        <translation>&amp;Hjemmel</translation>
    </message>
    <message>
        <source>&amp;Consent</source>
        <translation>Sa&amp;mtykke</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultat</translation>
    </message>
    <message>
        <source>Outcome &amp;note</source>
        <translation>&amp;Note om resultatet</translation>
    </message>
    <message>
        <source>&amp;Due on</source>
        <translation>&amp;Forfalder den</translation>
    </message>
    <message>
        <source>&amp;What</source>
        <translation>&amp;Hvad</translation>
    </message>
    <message>
        <source>D&amp;one on</source>
        <translation>&amp;Udført den</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Working</source>
        <translation>Arbejder</translation>
    </message>
    <message>
        <source>&amp;Quick log…</source>
        <translation>&amp;Hurtig registrering …</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Indstillinger …</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <source>&amp;People</source>
        <translation>&amp;Borgere</translation>
    </message>
    <message>
        <source>Street &amp;round</source>
        <translation>&amp;Gadeplansrunde</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Konflikter</translation>
    </message>
    <message>
        <source>R&amp;adar</source>
        <translation>&amp;Radar</translation>
    </message>
    <message>
        <source>&amp;Overview</source>
        <translation>&amp;Overblik</translation>
    </message>
    <message>
        <source>R&amp;eports</source>
        <translation>Ra&amp;pporter</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synkronisér nu</translation>
    </message>
    <message>
        <source>Sign &amp;in to the server…</source>
        <translation>Log &amp;ind på serveren …</translation>
    </message>
    <message>
        <source>&amp;Find person</source>
        <translation>&amp;Find borger</translation>
    </message>
    <message>
        <source>&amp;About Gadeplan</source>
        <translation>&amp;Om Gadeplan</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>&amp;Sync</source>
        <translation>&amp;Synkronisering</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message numerus="yes">
        <source>Locked after %n minutes without use. Your work is saved.</source>
        <translation>
            <numerusform>Låst efter %n minut uden brug. Dit arbejde er gemt.</numerusform>
            <numerusform>Låst efter %n minutter uden brug. Dit arbejde er gemt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Locked because the screen was locked. Your work is saved.</source>
        <translation>Låst, fordi skærmen blev låst. Dit arbejde er gemt.</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Arbejder …</translation>
    </message>
    <message>
        <source>The municipality has revoked this computer at the server, so Gadeplan deleted its data and keys on it, as the rules require. The data on the server is safe. Ask IT to sign you in again; you can make a new profile below.</source>
        <translation>Kommunen har spærret denne computer på serveren, så Gadeplan har slettet sine data og nøgler på den, som reglerne kræver. Oplysningerne på serveren er i god behold. Bed IT om at logge dig ind igen; du kan oprette en ny profil herunder.</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>The machine policy is invalid, so Gadeplan will not start. Ask IT.</source>
        <translation>Maskinens politik er ugyldig, så Gadeplan starter ikke. Spørg IT.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong attempts. Try again in %n seconds.</source>
        <translation>
            <numerusform>For mange forkerte forsøg. Prøv igen om %n sekund.</numerusform>
            <numerusform>For mange forkerte forsøg. Prøv igen om %n sekunder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Wrong passphrase. Nothing was changed; try again.</source>
        <translation>Forkert adgangsfrase. Intet er ændret; prøv igen.</translation>
    </message>
    <message>
        <source>That recovery key does not open this profile. Check it and try again.</source>
        <translation>Den gendannelsesnøgle åbner ikke denne profil. Tjek den, og prøv igen.</translation>
    </message>
    <message numerus="yes">
        <source>The passphrase must have at least %n characters.</source>
        <translation>
            <numerusform>Adgangsfrasen skal have mindst %n tegn.</numerusform>
            <numerusform>Adgangsfrasen skal have mindst %n tegn.</numerusform>
        </translation>
    </message>
    <message>
        <source>This computer&apos;s keychain no longer holds this profile&apos;s device secret (a new user account or a reset keychain). Open the profile with the recovery key.</source>
        <translation>Computerens nøglering har ikke længere profilens enhedshemmelighed (en ny brugerkonto eller en nulstillet nøglering). Åbn profilen med gendannelsesnøglen.</translation>
    </message>
    <message>
        <source>This computer has no secure keychain, and the machine policy does not allow a profile protected by the passphrase alone. Ask IT.</source>
        <translation>Denne computer har ingen sikker nøglering, og maskinens politik tillader ikke en profil, der kun er beskyttet af adgangsfrasen. Spørg IT.</translation>
    </message>
    <message>
        <source>The profile&apos;s key file is damaged. Nothing was changed or deleted. Ask IT to restore it from a backup, or register this laptop again.</source>
        <translation>Profilens nøglefil er beskadiget. Intet er ændret eller slettet. Bed IT om at hente den fra en sikkerhedskopi, eller registrér computeren igen.</translation>
    </message>
    <message>
        <source>The profile&apos;s database is damaged or missing. Nothing was changed or deleted. Ask IT; the data on the backend is safe.</source>
        <translation>Profilens database er beskadiget eller mangler. Intet er ændret eller slettet. Spørg IT; data på serveren er i sikkerhed.</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was lost; free some space and try again.</source>
        <translation>Disken er fuld. Intet er gået tabt; frigør lidt plads, og prøv igen.</translation>
    </message>
    <message>
        <source>The profile is open in another Gadeplan window or command. Close that first.</source>
        <translation>Profilen er åben i et andet Gadeplan-vindue eller en anden kommando. Luk det først.</translation>
    </message>
    <message>
        <source>Gadeplan is locked. Unlock it and try again.</source>
        <translation>Gadeplan er låst. Lås op, og prøv igen.</translation>
    </message>
    <message>
        <source>There is no profile on this computer yet.</source>
        <translation>Der er endnu ingen profil på denne computer.</translation>
    </message>
    <message>
        <source>A profile already exists here. Nothing was changed.</source>
        <translation>Der findes allerede en profil her. Intet er ændret.</translation>
    </message>
    <message>
        <source>This profile was last used by a newer version of Gadeplan. Nothing was changed. Ask IT to install that version again.</source>
        <translation>Denne profil blev sidst brugt af en nyere version af Gadeplan. Intet er ændret. Bed IT om at installere den version igen.</translation>
    </message>
    <message>
        <source>This installation lacks encryption and will not run. Ask IT.</source>
        <translation>Denne installation mangler kryptering og kan ikke køre. Spørg IT.</translation>
    </message>
    <message>
        <source>The profile could not be used. Nothing was changed.</source>
        <translation>Profilen kunne ikke bruges. Intet er ændret.</translation>
    </message>
    <message>
        <source>A file could not be used. Nothing was deleted.</source>
        <translation>En fil kunne ikke bruges. Intet er slettet.</translation>
    </message>
    <message>
        <source>Something went wrong inside Gadeplan (a bug). Nothing was saved from this step.</source>
        <translation>Der gik noget galt inde i Gadeplan (en fejl i programmet). Intet fra dette trin er gemt.</translation>
    </message>
</context>
<context>
    <name>Overview</name>
    <message>
        <source>Newly identified</source>
        <extracomment>What Overblik is computed from: persons (ages, scope), their housing and their contacts. The scope: the worker&apos;s own team, or everything on this computer.</extracomment>
        <translation>Nye borgere</translation>
    </message>
    <message>
        <source>Returned from housing</source>
        <translation>Vendt tilbage fra bolig</translation>
    </message>
    <message>
        <source>Returned from inactive</source>
        <translation>Vendt tilbage fra inaktiv</translation>
    </message>
    <message>
        <source>Back from prison, hospital etc.</source>
        <translation>Tilbage fra fængsel, hospital o.l.</translation>
    </message>
    <message>
        <source>Moved into housing</source>
        <translation>Flyttet i bolig</translation>
    </message>
    <message>
        <source>Became inactive</source>
        <translation>Blevet inaktive</translation>
    </message>
    <message>
        <source>To prison, hospital etc.</source>
        <translation>Til fængsel, hospital o.l.</translation>
    </message>
    <message>
        <source>Homeless month by month</source>
        <translation>Hjemløse måned for måned</translation>
    </message>
    <message>
        <source>Homeless</source>
        <translation>Hjemløse</translation>
    </message>
    <message>
        <source>Inactive (not counted)</source>
        <translation>Inaktive (tælles ikke med)</translation>
    </message>
    <message>
        <source>Goal: under the line</source>
        <translation>Mål: under linjen</translation>
    </message>
    <message>
        <source>Reduction target</source>
        <translation>Reduktionsmål</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>Overview</source>
        <extracomment>Held between dates; dropped when what it is made from changes.</extracomment>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>&amp;Dato</translation>
    </message>
    <message>
        <source>To&amp;day</source>
        <translation>I da&amp;g</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Mit team</translation>
    </message>
    <message>
        <source>All data on this computer</source>
        <translation>Alle data på denne computer</translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation>Dat&amp;a</translation>
    </message>
    <message>
        <source>&amp;Goal and baseline…</source>
        <translation>&amp;Mål og basislinje …</translation>
    </message>
    <message>
        <source>Homeless on the date</source>
        <translation>Hjemløse på datoen</translation>
    </message>
    <message>
        <source>Homeless in all: show the people</source>
        <translation>Hjemløse i alt: vis borgerne</translation>
    </message>
    <message>
        <source>Enter the &amp;baseline…</source>
        <translation>Angiv &amp;basislinjen …</translation>
    </message>
    <message>
        <source>of them young, 18–24 years</source>
        <translation>heraf unge 18–24 år</translation>
    </message>
    <message>
        <source>of them young, 25–29 years</source>
        <translation>heraf unge 25–29 år</translation>
    </message>
    <message>
        <source>of them sofa surfers</source>
        <translation>heraf sofasovere</translation>
    </message>
    <message>
        <source>of them leaving prison or hospital</source>
        <translation>heraf løsladelse eller udskrivning</translation>
    </message>
    <message>
        <source>of them age not known</source>
        <translation>heraf alder ukendt</translation>
    </message>
    <message>
        <source>beside them: inactive, not counted</source>
        <translation>ved siden af: inaktive, tælles ikke med</translation>
    </message>
    <message>
        <source>Homeless by situation</source>
        <translation>Hjemløse efter boligsituation</translation>
    </message>
    <message>
        <source>Homeless month by month</source>
        <translation>Hjemløse måned for måned</translation>
    </message>
    <message>
        <source>In and out of homelessness, by name</source>
        <translation>Ind i og ud af hjemløshed, ved navn</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>Måned for måned</translation>
    </message>
    <message>
        <source>Month by month (Enter on a number lists the people)</source>
        <translation>Måned for måned (Enter på et tal viser borgerne)</translation>
    </message>
    <message>
        <source>Homeless on {date}</source>
        <translation>Hjemløse den {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n homeless in all: show the people</source>
        <translation>
            <numerusform>%n hjemløs i alt: vis borgeren</numerusform>
            <numerusform>%n hjemløse i alt: vis borgerne</numerusform>
        </translation>
    </message>
    <message>
        <source>homeless in all (the national count&apos;s rules)</source>
        <translation>hjemløse i alt (hjemløsetællingens regler)</translation>
    </message>
    <message>
        <source>homeless in all in my team (the national count&apos;s rules)</source>
        <translation>hjemløse i alt i mit team (hjemløsetællingens regler)</translation>
    </message>
    <message>
        <source>Goal: under {goal}. Reached.</source>
        <translation>Mål: under {goal}. Nået.</translation>
    </message>
    <message numerus="yes">
        <source>Goal: under {goal}. %n too many.</source>
        <translation>
            <numerusform>Mål: under {goal}. %n for mange.</numerusform>
            <numerusform>Mål: under {goal}. %n for mange.</numerusform>
        </translation>
    </message>
    <message>
        <source>Reduction target: {percent} % fewer by {year} than in {base}. Enter the number of homeless people in the national count of {base} to see it.</source>
        <translation>Reduktionsmål: {percent} % færre i {year} end i {base}. Angiv antallet af hjemløse i hjemløsetællingen {base} for at se det.</translation>
    </message>
    <message>
        <source>Reduction target: {percent} % fewer than {base_count} ({base}), that is {target} by {year}.</source>
        <translation>Reduktionsmål: {percent} % færre end {base_count} ({base}), dvs. {target} i {year}.</translation>
    </message>
    <message>
        <source>Now {change} against {base}.</source>
        <translation>Nu {change} i forhold til {base}.</translation>
    </message>
    <message numerus="yes">
        <source>Inactive: homeless by their last situation but not seen for %n days; nobody knows where they are now, so they are not counted.</source>
        <translation>
            <numerusform>Inaktive: hjemløse efter deres seneste situation, men ikke set i %n dag; ingen ved, hvor de er nu, så de tælles ikke med.</numerusform>
            <numerusform>Inaktive: hjemløse efter deres seneste situation, men ikke set i %n dage; ingen ved, hvor de er nu, så de tælles ikke med.</numerusform>
        </translation>
    </message>
    <message>
        <source>{count} homeless in {month}; goal under {goal}.</source>
        <translation>{count} hjemløse i {month}; målet er under {goal}.</translation>
    </message>
    <message>
        <source>This month: {into} in, {out} out.</source>
        <translation>Denne måned: {into} ind, {out} ud.</translation>
    </message>
    <message>
        <source>Homeless</source>
        <translation>Hjemløse</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inaktive</translation>
    </message>
    <message>
        <source>Young, 18–24 years</source>
        <translation>Unge 18–24 år</translation>
    </message>
    <message>
        <source>Young, 25–29 years</source>
        <translation>Unge 25–29 år</translation>
    </message>
    <message>
        <source>Sofa surfers</source>
        <translation>Sofasovere</translation>
    </message>
    <message>
        <source>Leaving prison or hospital</source>
        <translation>Løsladelse eller udskrivning</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>Alder ukendt</translation>
    </message>
    <message>
        <source>{what}, {when}</source>
        <translation>{what}, {when}</translation>
    </message>
</context>
<context>
    <name>OverviewSettingsDialog</name>
    <message>
        <source>Goal and baseline</source>
        <translation>Mål og basislinje</translation>
    </message>
    <message>
        <source>&amp;Goal: fewer homeless than</source>
        <translation>&amp;Mål: færre hjemløse end</translation>
    </message>
    <message>
        <source>&amp;Baseline year</source>
        <translation>&amp;Basisår</translation>
    </message>
    <message>
        <source>Not entered</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Homeless in the &amp;national count of the baseline year</source>
        <translation>Hjemløse i &amp;hjemløsetællingen i basisåret</translation>
    </message>
    <message>
        <source>&amp;Reduction target</source>
        <translation>&amp;Reduktionsmål</translation>
    </message>
    <message>
        <source>&amp;Target year</source>
        <translation>Mål&amp;år</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>Trend &amp;shows</source>
        <translation>Udviklingen &amp;viser</translation>
    </message>
    <message>
        <source>The strategy: fewer than 100 homeless, and 40 % fewer by 2025 than in 2019. The baseline is your municipality&apos;s number from VIVE&apos;s count in week 6.</source>
        <translation>Strategien: under 100 hjemløse og 40 % færre i 2025 end i 2019. Basislinjen er kommunens tal fra VIVE&apos;s hjemløsetælling i uge 6.</translation>
    </message>
    <message>
        <source>The target year cannot come before the baseline year.</source>
        <translation>Målåret kan ikke ligge før basisåret.</translation>
    </message>
    <message>
        <source>These settings do not fit together.</source>
        <translation>Indstillingerne passer ikke sammen.</translation>
    </message>
</context>
<context>
    <name>PassphrasePair</name>
    <message>
        <source>&amp;Repeat it</source>
        <translation>&amp;Gentag den</translation>
    </message>
    <message>
        <source>&amp;Show what I type</source>
        <translation>&amp;Vis det, jeg skriver</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few words are easy to remember</source>
        <translation>
            <numerusform>Mindst %n tegn; et par ord er lette at huske</numerusform>
            <numerusform>Mindst %n tegn; et par ord er lette at huske</numerusform>
        </translation>
    </message>
    <message>
        <source>The two are the same</source>
        <translation>De to er ens</translation>
    </message>
    <message>
        <source>met</source>
        <translation>opfyldt</translation>
    </message>
    <message>
        <source>not met yet</source>
        <translation>ikke opfyldt endnu</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message numerus="yes">
        <source>%n people</source>
        <translation>
            <numerusform>%n borger</numerusform>
            <numerusform>%n borgere</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody.</source>
        <translation>Ingen.</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Nickname</source>
        <extracomment>Column widths are measured on this many rows (Qt&apos;s default, 1000, took a third of a second).</extracomment>
        <translation>Kaldenavn</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Housing situation</source>
        <translation>Boligsituation</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Sidst set</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <source>People</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>Nickname, name or place…</source>
        <translation>Kaldenavn, navn eller sted …</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Søg</translation>
    </message>
    <message>
        <source>&amp;Young (18–29)</source>
        <translation>&amp;Unge (18–29)</translation>
    </message>
    <message>
        <source>All situations</source>
        <translation>Alle situationer</translation>
    </message>
    <message>
        <source>Homeless today (any situation)</source>
        <translation>Hjemløse i dag (alle situationer)</translation>
    </message>
    <message>
        <source>S&amp;ituation</source>
        <translation>S&amp;ituation</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>&amp;Contact person</source>
        <translation>&amp;Kontaktperson</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>uanset</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source>&amp;Not seen for</source>
        <translation>&amp;Ikke set i</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n of {total} people</source>
        <translation>
            <numerusform>Viser %n af {total} borgere</numerusform>
            <numerusform>Viser %n af {total} borgere</numerusform>
        </translation>
    </message>
    <message>
        <source>(type more to narrow the search)</source>
        <translation>(skriv mere for at indsnævre søgningen)</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit {alias}</source>
        <translation>Redigér {alias}</translation>
    </message>
    <message>
        <source>&amp;Remove the CPR number</source>
        <translation>&amp;Fjern CPR-nummeret</translation>
    </message>
    <message>
        <source>Unchanged ({masked})</source>
        <translation>Uændret ({masked})</translation>
    </message>
    <message>
        <source>DDMMYY-XXXX</source>
        <translation>DDMMÅÅ-XXXX</translation>
    </message>
</context>
<context>
    <name>PersonScreen</name>
    <message>
        <source>← &amp;Back</source>
        <extracomment>A part to show once the person is loaded (:meth:`show_part`).</extracomment>
        <translation>← &amp;Tilbage</translation>
    </message>
    <message>
        <source>&amp;Log a contact (Ctrl+N)</source>
        <translation>&amp;Registrér en kontakt (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Edit details (Ctrl+E)</source>
        <translation>R&amp;edigér oplysninger (Ctrl+E)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Kontaktperson</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Steder</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>Desuden</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Vis</translation>
    </message>
    <message>
        <source>Show the CPR number (logged)</source>
        <translation>Vis CPR-nummeret (logges)</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Ko&amp;piér</translation>
    </message>
    <message>
        <source>Copy the CPR number (logged)</source>
        <translation>Kopiér CPR-nummeret (logges)</translation>
    </message>
    <message>
        <source>Copy p&amp;hone</source>
        <translation>Kopiér &amp;telefonnummer</translation>
    </message>
    <message>
        <source>Housing situation</source>
        <translation>Boligsituation</translation>
    </message>
    <message>
        <source>&amp;New housing situation</source>
        <translation>&amp;Ny boligsituation</translation>
    </message>
    <message>
        <source>No housing situation recorded.</source>
        <translation>Ingen boligsituation registreret.</translation>
    </message>
    <message>
        <source>Contacts, newest first</source>
        <translation>Kontakter, nyeste først</translation>
    </message>
    <message>
        <source>Log a &amp;contact</source>
        <translation>Registrér en &amp;kontakt</translation>
    </message>
    <message>
        <source>No contacts logged yet.</source>
        <translation>Ingen kontakter registreret endnu.</translation>
    </message>
    <message>
        <source>Transitions</source>
        <translation>Overgange</translation>
    </message>
    <message>
        <source>Add a &amp;transition</source>
        <translation>Tilføj en &amp;overgang</translation>
    </message>
    <message>
        <source>No transitions ahead.</source>
        <translation>Ingen overgange forude.</translation>
    </message>
    <message>
        <source>Eviction case</source>
        <translation>Udsættelsessag</translation>
    </message>
    <message>
        <source>Add an e&amp;viction case</source>
        <translation>Tilføj en &amp;udsættelsessag</translation>
    </message>
    <message>
        <source>No eviction case.</source>
        <translation>Ingen udsættelsessag.</translation>
    </message>
    <message>
        <source>Housing offers</source>
        <translation>Boligtilbud</translation>
    </message>
    <message>
        <source>Add a housing &amp;offer</source>
        <translation>Tilføj et &amp;boligtilbud</translation>
    </message>
    <message>
        <source>No housing offers.</source>
        <translation>Ingen boligtilbud.</translation>
    </message>
    <message>
        <source>Support plan, in the person&apos;s own words</source>
        <translation>Støtteplan, med borgerens egne ord</translation>
    </message>
    <message>
        <source>Add a &amp;goal</source>
        <translation>Tilføj et &amp;mål</translation>
    </message>
    <message>
        <source>No goals written down yet.</source>
        <translation>Ingen mål skrevet ned endnu.</translation>
    </message>
    <message>
        <source>Consents</source>
        <translation>Samtykker</translation>
    </message>
    <message>
        <source>Add a cons&amp;ent</source>
        <translation>Tilføj et sa&amp;mtykke</translation>
    </message>
    <message>
        <source>No consents.</source>
        <translation>Ingen samtykker.</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Henvisninger</translation>
    </message>
    <message>
        <source>Add a &amp;referral</source>
        <translation>Tilføj en &amp;henvisning</translation>
    </message>
    <message>
        <source>No referrals.</source>
        <translation>Ingen henvisninger.</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>Add a &amp;follow-up</source>
        <translation>Tilføj en &amp;opfølgning</translation>
    </message>
    <message>
        <source>No follow-ups.</source>
        <translation>Ingen opfølgninger.</translation>
    </message>
    <message>
        <source>This person is no longer in the profile.</source>
        <translation>Denne borger findes ikke længere i profilen.</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>Nobody yet</source>
        <translation>Ingen endnu</translation>
    </message>
    <message>
        <source>(worked {date})</source>
        <translation>(virkede {date})</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>has been in care</source>
        <translation>har været anbragt</translation>
    </message>
    <message>
        <source>aftercare ends {date}</source>
        <translation>efterværn slutter {date}</translation>
    </message>
    <message>
        <source>functionally homeless</source>
        <translation>funktionelt hjemløs</translation>
    </message>
    <message>
        <source>Situation now: not recorded.</source>
        <translation>Situation nu: ikke registreret.</translation>
    </message>
    <message>
        <source>Now: {situation}, since {date}.</source>
        <translation>Nu: {situation}, siden {date}.</translation>
    </message>
    <message>
        <source>Expected {date}.</source>
        <translation>Forventet {date}.</translation>
    </message>
    <message>
        <source>No partners in the profile yet.</source>
        <translation>Der er endnu ingen samarbejdspartnere i profilen.</translation>
    </message>
    <message>
        <source>expected {date}</source>
        <translation>forventet {date}</translation>
    </message>
    <message>
        <source>ready for own housing</source>
        <translation>klar til egen bolig</translation>
    </message>
    <message>
        <source>Next step: {step}</source>
        <translation>Næste skridt: {step}</translation>
    </message>
    <message>
        <source>follow up {date}</source>
        <translation>opfølgning {date}</translation>
    </message>
    <message>
        <source>Housing plan: {plan}</source>
        <translation>Boligplan: {plan}</translation>
    </message>
    <message>
        <source>No housing plan yet</source>
        <translation>Ingen boligplan endnu</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>afsluttet</translation>
    </message>
    <message>
        <source>court {date}</source>
        <translation>retsmøde {date}</translation>
    </message>
    <message>
        <source>bailiff {date}</source>
        <translation>fogedforretning {date}</translation>
    </message>
    <message>
        <source>arrears {amount} kr.</source>
        <translation>restance {amount} kr.</translation>
    </message>
    <message>
        <source>{amount} kr. a month</source>
        <translation>{amount} kr. om måneden</translation>
    </message>
    <message>
        <source>lease ends {date}</source>
        <translation>lejemålet udløber {date}</translation>
    </message>
    <message>
        <source>move-in {date}</source>
        <translation>indflytning {date}</translation>
    </message>
    <message>
        <source>by {date}</source>
        <translation>senest {date}</translation>
    </message>
    <message>
        <source>given {date}</source>
        <translation>givet {date}</translation>
    </message>
    <message>
        <source>expires {date}</source>
        <translation>udløber {date}</translation>
    </message>
    <message>
        <source>withdrawn {date}</source>
        <translation>trukket tilbage {date}</translation>
    </message>
    <message>
        <source>not valid today</source>
        <translation>ikke gyldigt i dag</translation>
    </message>
    <message>
        <source>done {date}</source>
        <translation>udført {date}</translation>
    </message>
    <message>
        <source>&amp;Hide</source>
        <translation>&amp;Skjul</translation>
    </message>
    <message>
        <source>New housing situation</source>
        <translation>Ny boligsituation</translation>
    </message>
    <message>
        <source>Correct housing situation</source>
        <translation>Ret boligsituation</translation>
    </message>
    <message>
        <source>Correct contact</source>
        <translation>Ret kontakt</translation>
    </message>
    <message>
        <source>New transition</source>
        <translation>Ny overgang</translation>
    </message>
    <message>
        <source>A transition is a date when a person may lose where they live: leaving care, prison, hospital, a shelter or treatment. It needs a housing plan before then.</source>
        <translation>En overgang er en dato, hvor borgeren kan miste sit sted at bo: ophør af anbringelse, løsladelse, udskrivning, udflytning fra herberg eller afslutning af behandling. Der skal være en boligplan inden da.</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>Overgang</translation>
    </message>
    <message>
        <source>New eviction case</source>
        <translation>Ny udsættelsessag</translation>
    </message>
    <message>
        <source>New housing offer</source>
        <translation>Nyt boligtilbud</translation>
    </message>
    <message>
        <source>Housing offer</source>
        <translation>Boligtilbud</translation>
    </message>
    <message>
        <source>New goal</source>
        <translation>Nyt mål</translation>
    </message>
    <message>
        <source>Write the goal as the person says it, in their own words.</source>
        <translation>Skriv målet, som borgeren selv siger det, med egne ord.</translation>
    </message>
    <message>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>New consent</source>
        <translation>Nyt samtykke</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Samtykke</translation>
    </message>
    <message>
        <source>New referral</source>
        <translation>Ny henvisning</translation>
    </message>
    <message>
        <source>A referral needs the person&apos;s consent, except in the cooperations of § 115 of the Administration of Justice Act (police, social services, psychiatry, prison and probation service).</source>
        <translation>En henvisning kræver borgerens samtykke, undtagen i samarbejderne efter retsplejelovens § 115 (politi, socialforvaltning, psykiatri og Kriminalforsorgen).</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Henvisning</translation>
    </message>
    <message>
        <source>New follow-up</source>
        <translation>Ny opfølgning</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
</context>
<context>
    <name>QuickLogDialog</name>
    <message>
        <source>Quick log</source>
        <translation>Hurtig registrering</translation>
    </message>
    <message>
        <source>Nickname, name or place…</source>
        <translation>Kaldenavn, navn eller sted …</translation>
    </message>
    <message>
        <source>&amp;Person</source>
        <translation>&amp;Borger</translation>
    </message>
    <message>
        <source>Type to search; Up and Down choose a suggestion, Enter takes it.</source>
        <translation>Skriv for at søge; pil op og ned vælger et forslag, Enter tager det.</translation>
    </message>
    <message>
        <source>Suggestions</source>
        <translation>Forslag</translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation>&amp;Kaldenavn</translation>
    </message>
    <message>
        <source>Full na&amp;me (if given)</source>
        <translation>&amp;Fulde navn (hvis oplyst)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Uoplyst</translation>
    </message>
    <message>
        <source>Approximate &amp;age</source>
        <translation>Omtrentlig &amp;alder</translation>
    </message>
    <message>
        <source>What you can tell without a name</source>
        <translation>Det, du kan se uden et navn</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>Is it one of these?</source>
        <translation>Er det en af disse?</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <source>&amp;Yes, the one selected</source>
        <translation>&amp;Ja, den valgte</translation>
    </message>
    <message>
        <source>No, a ne&amp;w person</source>
        <translation>Nej, en &amp;ny borger</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Ikke registreret</translation>
    </message>
    <message>
        <source>&amp;Housing situation</source>
        <translation>&amp;Boligsituation</translation>
    </message>
    <message>
        <source>E&amp;xpected release/discharge</source>
        <translation>&amp;Forventet løsladelse/udskrivning</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;Channel</source>
        <translation>&amp;Kanal</translation>
    </message>
    <message>
        <source>Whe&amp;n</source>
        <translation>&amp;Tidspunkt</translation>
    </message>
    <message>
        <source>&amp;Topics</source>
        <translation>&amp;Emner</translation>
    </message>
    <message>
        <source>Arrow keys move, Space ticks a topic.</source>
        <translation>Piletasterne flytter, mellemrum sætter flueben ved et emne.</translation>
    </message>
    <message>
        <source>What happened, what was agreed</source>
        <translation>Hvad skete der, hvad blev aftalt</translation>
    </message>
    <message>
        <source>N&amp;ote</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Ne&amp;xt step</source>
        <translation>Næste s&amp;kridt</translation>
    </message>
    <message>
        <source>DD-MM-YYYY, or +7 for a week from today</source>
        <translation>DD-MM-ÅÅÅÅ, eller +7 for om en uge</translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation>&amp;Opfølgning den</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+Enter)</source>
        <translation>&amp;Gem (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annullér (Esc)</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Esc closes without saving.</source>
        <translation>Ctrl+Enter gemmer. Esc lukker uden at gemme.</translation>
    </message>
    <message>
        <source>Anonymous contact</source>
        <translation>Anonym kontakt</translation>
    </message>
    <message>
        <source>New person: {name}</source>
        <translation>Ny borger: {name}</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Ny borger</translation>
    </message>
    <message>
        <source>This was being written when Gadeplan locked. Check it, then save.</source>
        <translation>Du var i gang med denne registrering, da Gadeplan låste. Se den igennem, og gem den.</translation>
    </message>
    <message>
        <source>Choose the person first: a suggestion, an anonymous contact or a new person.</source>
        <translation>Vælg først borgeren: et forslag, en anonym kontakt eller en ny borger.</translation>
    </message>
    <message>
        <source>Someone like this is known already. Is it one of these?</source>
        <translation>Der findes allerede en, der ligner. Er det en af disse?</translation>
    </message>
</context>
<context>
    <name>Radar</name>
    <message>
        <source>Release from prison</source>
        <extracomment>What the radar is made from: a change to any of these may add or remove an item. The top of Today: items due within this many days (or passed).</extracomment>
        <translation>Løsladelse</translation>
    </message>
    <message>
        <source>Discharge from hospital</source>
        <translation>Udskrivning fra hospital</translation>
    </message>
    <message>
        <source>End of addiction treatment</source>
        <translation>Afslutning af misbrugsbehandling</translation>
    </message>
    <message>
        <source>Moving out of a shelter</source>
        <translation>Udflytning fra herberg</translation>
    </message>
    <message>
        <source>Leaving care</source>
        <translation>Ophør af anbringelse</translation>
    </message>
    <message>
        <source>Aftercare ending</source>
        <translation>Efterværn ophører</translation>
    </message>
    <message>
        <source>Long shelter stay, ready for own housing</source>
        <translation>Langt herbergsophold, klar til egen bolig</translation>
    </message>
    <message>
        <source>Lease ending</source>
        <translation>Lejemål udløber</translation>
    </message>
    <message>
        <source>Eviction</source>
        <translation>Udsættelse</translation>
    </message>
    <message>
        <source>Check-in after moving in</source>
        <translation>Opfølgning efter indflytning</translation>
    </message>
    <message>
        <source>Returned to homelessness</source>
        <translation>Hjemløs igen</translation>
    </message>
    <message>
        <source>Not seen for a long time</source>
        <translation>Ikke set længe</translation>
    </message>
    <message>
        <source>No housing plan</source>
        <translation>Ingen boligplan</translation>
    </message>
    <message>
        <source>No housing offer</source>
        <translation>Intet boligtilbud</translation>
    </message>
    <message>
        <source>Nowhere to live afterwards</source>
        <translation>Intet sted at bo bagefter</translation>
    </message>
    <message>
        <source>No action taken yet</source>
        <translation>Intet tiltag endnu</translation>
    </message>
    <message>
        <source>Not averted yet</source>
        <translation>Ikke afværget endnu</translation>
    </message>
    <message>
        <source>No contact since moving in</source>
        <translation>Ingen kontakt siden indflytning</translation>
    </message>
    <message>
        <source>Lost the home: needs a new plan</source>
        <translation>Har mistet boligen: skal have en ny plan</translation>
    </message>
    <message>
        <source>No contact</source>
        <translation>Ingen kontakt</translation>
    </message>
    <message>
        <source>Log contact</source>
        <translation>Registrér kontakt</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>Åbn plan</translation>
    </message>
    <message>
        <source>Create follow-up</source>
        <translation>Opret opfølgning</translation>
    </message>
    <message>
        <source>Eviction: court hearing</source>
        <extracomment>Where on the person&apos;s screen a &quot;plan&quot; is made, by what is missing.</extracomment>
        <translation>Udsættelse: retsmøde</translation>
    </message>
    <message>
        <source>Eviction: bailiff&apos;s visit</source>
        <translation>Udsættelse: fogedforretning</translation>
    </message>
    <message numerus="yes">
        <source>Check-in %n months after moving in</source>
        <translation>
            <numerusform>Opfølgning %n måned efter indflytning</numerusform>
            <numerusform>Opfølgning %n måneder efter indflytning</numerusform>
        </translation>
    </message>
    <message>
        <source>Turns 18, has been in care</source>
        <translation>Fylder 18, har været anbragt</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message numerus="yes">
        <source>in %n days</source>
        <translation>
            <numerusform>om %n dag</numerusform>
            <numerusform>om %n dage</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>for %n dag siden</numerusform>
            <numerusform>for %n dage siden</numerusform>
        </translation>
    </message>
    <message>
        <source>{what} on {date}: {missing}</source>
        <extracomment>The row whose action was clicked.</extracomment>
        <translation>{what} den {date}: {missing}</translation>
    </message>
    <message>
        <source>{alias} already has this follow-up on the list.</source>
        <extracomment>person id, part of the person&apos;s screen, record id person id, TransitionKind value, date: a transition to plan, with no record yet</extracomment>
        <translation>{alias} har allerede denne opfølgning på listen.</translation>
    </message>
    <message>
        <source>Follow-up for {alias} on {date} is on your list.</source>
        <translation>Opfølgning for {alias} den {date} er sat på din liste.</translation>
    </message>
</context>
<context>
    <name>RadarBox</name>
    <message>
        <source>Radar: the coming 7 days</source>
        <translation>Radar: de næste 7 dage</translation>
    </message>
    <message>
        <source>Nothing on the radar for the coming 7 days.</source>
        <translation>Intet på radaren de næste 7 dage.</translation>
    </message>
    <message>
        <source>All on the radar</source>
        <translation>Alt på radaren</translation>
    </message>
    <message numerus="yes">
        <source>All %n on the radar (Ctrl+5)</source>
        <translation>
            <numerusform>Alle %n på radaren (Ctrl+5)</numerusform>
            <numerusform>Alle %n på radaren (Ctrl+5)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RadarModel</name>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dage tilbage</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Mangler</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Enter or a click does this</source>
        <translation>Enter eller et klik gør dette</translation>
    </message>
</context>
<context>
    <name>RadarScreen</name>
    <message>
        <source>Radar</source>
        <extracomment>The thresholds were saved (the inactive days are Overblik&apos;s too).</extracomment>
        <translation>Radar</translation>
    </message>
    <message>
        <source>Who is about to fall through a transition, and what is missing. Most urgent first; Enter or a click on the action does it.</source>
        <translation>Hvem er ved at falde igennem i en overgang, og hvad mangler. Det mest presserende først; Enter eller et klik på handlingen udfører den.</translation>
    </message>
    <message>
        <source>&amp;Cold weather: everyone sleeping rough</source>
        <translation>&amp;Kulde: alle der sover ude</translation>
    </message>
    <message>
        <source>Radar &amp;settings…</source>
        <translation>Radarens &amp;indstillinger …</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Alt</translation>
    </message>
    <message>
        <source>Transitions (prison, hospital, treatment, care)</source>
        <translation>Overgange (fængsel, hospital, behandling, anbringelse)</translation>
    </message>
    <message>
        <source>Housing (shelter stays, leases, lost homes)</source>
        <translation>Bolig (herbergsophold, lejemål, mistede boliger)</translation>
    </message>
    <message>
        <source>Evictions</source>
        <translation>Udsættelser</translation>
    </message>
    <message>
        <source>Check-ins after moving in</source>
        <translation>Opfølgning efter indflytning</translation>
    </message>
    <message>
        <source>Not seen for a long time</source>
        <translation>Ikke set længe</translation>
    </message>
    <message>
        <source>S&amp;how</source>
        <translation>Vi&amp;s</translation>
    </message>
    <message>
        <source>Nothing on the radar. Nobody is about to fall through.</source>
        <translation>Intet på radaren. Ingen er ved at falde igennem.</translation>
    </message>
    <message>
        <source>Release and discharge within {release} days, leaving care within {care} days, shelter stays over {shelter} months, leases ending within {lease} days, evictions within {eviction} days, not seen for {inactive} days.</source>
        <translation>Løsladelse og udskrivning inden for {release} dage, ophør af anbringelse inden for {care} dage, herbergsophold over {shelter} måneder, lejemål der udløber inden for {lease} dage, udsættelser inden for {eviction} dage, ikke set i {inactive} dage.</translation>
    </message>
    <message numerus="yes">
        <source>%n items</source>
        <translation>
            <numerusform>%n punkt</numerusform>
            <numerusform>%n punkter</numerusform>
        </translation>
    </message>
    <message>
        <source>The radar&apos;s settings are saved.</source>
        <translation>Radarens indstillinger er gemt.</translation>
    </message>
</context>
<context>
    <name>RadarSettingsDialog</name>
    <message>
        <source>Radar settings</source>
        <translation>Radarens indstillinger</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dage</translation>
    </message>
    <message>
        <source> months</source>
        <translation> måneder</translation>
    </message>
    <message>
        <source>&amp;Release and discharge within</source>
        <translation>&amp;Løsladelse og udskrivning inden for</translation>
    </message>
    <message>
        <source>Leaving &amp;care and aftercare within</source>
        <translation>Ophør af an&amp;bringelse og efterværn inden for</translation>
    </message>
    <message>
        <source>S&amp;helter stay longer than</source>
        <translation>&amp;Herbergsophold længere end</translation>
    </message>
    <message>
        <source>&amp;Lease ending within</source>
        <translation>Le&amp;jemål der udløber inden for</translation>
    </message>
    <message>
        <source>&amp;Eviction dates within</source>
        <translation>&amp;Udsættelsesdatoer inden for</translation>
    </message>
    <message>
        <source>Returned to &amp;homelessness, shown for</source>
        <translation>Hjemløs &amp;igen, vises i</translation>
    </message>
    <message>
        <source>&amp;Not seen for (also the overview)</source>
        <translation>I&amp;kke set i (også i overblikket)</translation>
    </message>
    <message>
        <source>Cold &amp;weather: seen within</source>
        <translation>K&amp;ulde: set inden for</translation>
    </message>
    <message>
        <source>&amp;Passed dates stay for</source>
        <translation>&amp;Passerede datoer bliver stående i</translation>
    </message>
    <message>
        <source>Check-&amp;ins after moving in (months)</source>
        <translation>&amp;Opfølgning efter indflytning (måneder)</translation>
    </message>
    <message>
        <source>The thresholds belong to this profile and are kept encrypted in it.</source>
        <translation>Grænserne hører til denne profil og gemmes krypteret i den.</translation>
    </message>
    <message>
        <source>&amp;Defaults</source>
        <translation>&amp;Standard</translation>
    </message>
    <message>
        <source>Write whole months from 1 to 120, smallest first, e.g. 1, 3, 6, 12.</source>
        <translation>Skriv hele måneder fra 1 til 120, mindste først, fx 1, 3, 6, 12.</translation>
    </message>
    <message>
        <source>These settings do not fit together.</source>
        <translation>Indstillingerne passer ikke sammen.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>A required text or date: empty is an error here, not None.</extracomment>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Slet</translation>
    </message>
    <message>
        <source>Click again to &amp;delete</source>
        <translation>Klik igen for at &amp;slette</translation>
    </message>
    <message>
        <source>Delete this? It cannot be undone here.</source>
        <translation>Slette dette? Det kan ikke fortrydes her.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyPage</name>
    <message>
        <source>Your recovery key</source>
        <translation>Din gendannelsesnøgle</translation>
    </message>
    <message>
        <source>If you forget the passphrase, or this computer&apos;s keychain is reset, the recovery key opens your profile. It is shown only this once. Write it down and keep it away from the laptop, or hand it to IT as your team has agreed.</source>
        <translation>Hvis du glemmer adgangsfrasen, eller computerens nøglering bliver nulstillet, åbner gendannelsesnøglen din profil. Den vises kun denne ene gang. Skriv den ned, og opbevar den et andet sted end computeren, eller giv den til IT, som I har aftalt i teamet.</translation>
    </message>
    <message>
        <source>I have &amp;stored the recovery key safely</source>
        <translation>Jeg har &amp;gemt gendannelsesnøglen sikkert</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Fortsæt</translation>
    </message>
    <message>
        <source>Recovery key: {key}</source>
        <translation>Gendannelsesnøgle: {key}</translation>
    </message>
    <message>
        <source>Your profile is protected by {protection}.</source>
        <translation>Din profil er beskyttet af {protection}.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Gendannelsesnøgle</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Open with the recovery key</source>
        <translation>Åbn med gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Type the recovery key you were shown when the profile was created (the dashes do not matter), then choose a new passphrase.</source>
        <translation>Skriv den gendannelsesnøgle, du fik vist, da profilen blev oprettet (bindestregerne er ligegyldige), og vælg så en ny adgangsfrase.</translation>
    </message>
    <message>
        <source>Recovery &amp;key</source>
        <translation>Gendannelses&amp;nøgle</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Ny adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;Open and set the new passphrase</source>
        <translation>&amp;Åbn og brug den nye adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;Back to unlock</source>
        <translation>&amp;Tilbage til oplåsning</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Åbner …</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>My team</source>
        <translation>Mit team</translation>
    </message>
    <message>
        <source>All data on this computer</source>
        <translation>Alle data på denne computer</translation>
    </message>
    <message>
        <source>D&amp;ata</source>
        <translation>Dat&amp;a</translation>
    </message>
    <message>
        <source>National count (VIVE), week 6</source>
        <translation>Optælling uge 6 (VIVE&apos;s hjemløsetælling)</translation>
    </message>
    <message>
        <source>&amp;Year</source>
        <translation>&amp;År</translation>
    </message>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Uge</translation>
    </message>
    <message>
        <source>&amp;Make the draft</source>
        <translation>&amp;Lav udkastet</translation>
    </message>
    <message>
        <source>The count&apos;s draft</source>
        <translation>Optællingens udkast</translation>
    </message>
    <message>
        <source>&amp;Save as CSV (personal data)…</source>
        <translation>&amp;Gem som CSV (personoplysninger) …</translation>
    </message>
    <message>
        <source>Save &amp;totals as CSV…</source>
        <translation>Gem &amp;totaler som CSV …</translation>
    </message>
    <message>
        <source>One row per person who counts in the week, as the count de-duplicates them (the same CPR number, or the same initials and birth date). The CPR numbers are masked here; the CSV for the count&apos;s form holds them.</source>
        <translation>Én række pr. borger, der tæller med i ugen, slået sammen som i tællingen (samme CPR-nummer eller samme initialer og fødselsdato). CPR-numrene er skjult her; CSV-filen til tællingens skema indeholder dem.</translation>
    </message>
    <message>
        <source>Status report to the city council</source>
        <translation>Statusrapport til byrådet (byrådsrapport)</translation>
    </message>
    <message>
        <source>As o&amp;f</source>
        <translation>&amp;Opgjort den</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Gem som &amp;PDF …</translation>
    </message>
    <message>
        <source>Save the &amp;numbers as CSV…</source>
        <translation>Gem &amp;tallene som CSV …</translation>
    </message>
    <message>
        <source>The overview&apos;s numbers for the date, the charts and the trend against the goal, for the council. It holds counts only: no nickname, name or CPR number.</source>
        <translation>Overblikkets tal for datoen, graferne og udviklingen set mod målet, til byrådet. Den indeholder kun antal: intet kaldenavn, navn eller CPR-nummer.</translation>
    </message>
    <message>
        <source>Choose the year and make the draft.</source>
        <translation>Vælg året, og lav udkastet.</translation>
    </message>
    <message numerus="yes">
        <source>%n people count in week {week} of {year} ({first} – {last}).</source>
        <translation>
            <numerusform>%n borger tæller med i uge {week} {year} ({first} – {last}).</numerusform>
            <numerusform>%n borgere tæller med i uge {week} {year} ({first} – {last}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>og %n mere</numerusform>
            <numerusform>og %n flere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, not seen for %n days before the week ended (check whether they are still homeless): {names}.</source>
        <translation>
            <numerusform>Udeladt, ikke set i %n dag før ugens udgang (tjek, om de stadig er hjemløse): {names}.</numerusform>
            <numerusform>Udeladt, ikke set i %n dage før ugens udgang (tjek, om de stadig er hjemløse): {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody was left out as inactive.</source>
        <translation>Ingen er udeladt som inaktive.</translation>
    </message>
    <message>
        <source>The data has changed since the draft was made. Make it again.</source>
        <translation>Data er ændret, siden udkastet blev lavet. Lav det igen.</translation>
    </message>
    <message>
        <source>Save the count with CPR numbers</source>
        <translation>Gem optællingen med CPR-numre</translation>
    </message>
    <message>
        <source>national-count-{year}-week-{week}.csv</source>
        <translation>hjemloesetaelling-{year}-uge-{week}.csv</translation>
    </message>
    <message>
        <source>CSV for Excel (*.csv)</source>
        <translation>CSV til Excel (*.csv)</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>Intet blev gemt.</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file}. The export is logged for each of the %n people.</source>
        <translation>
            <numerusform>{file} er gemt. Udtrækket er logget for borgeren (%n).</numerusform>
            <numerusform>{file} er gemt. Udtrækket er logget for hver af de %n borgere.</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the count&apos;s totals</source>
        <translation>Gem optællingens totaler</translation>
    </message>
    <message>
        <source>national-count-{year}-week-{week}-totals.csv</source>
        <translation>hjemloesetaelling-{year}-uge-{week}-totaler.csv</translation>
    </message>
    <message>
        <source>Save the council report</source>
        <translation>Gem byrådsrapporten</translation>
    </message>
    <message>
        <source>council-report-{date}.pdf</source>
        <translation>byraadsrapport-{date}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the council report&apos;s numbers</source>
        <translation>Gem byrådsrapportens tal</translation>
    </message>
    <message>
        <source>council-report-{date}.csv</source>
        <translation>byraadsrapport-{date}.csv</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} er gemt.</translation>
    </message>
</context>
<context>
    <name>ScreenSettingsDialog</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
</context>
<context>
    <name>Section</name>
    <message>
        <source>Edit</source>
        <extracomment>A revealed CPR number goes back under the mask after this long.</extracomment>
        <translation>Redigér</translation>
    </message>
    <message>
        <source>Edit: {section}</source>
        <translation>Redigér: {section}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <extracomment>The worker asked to sign in to the server (the main window opens the dialog).</extracomment>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Language and lock</source>
        <translation>Sprog og lås</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprog</translation>
    </message>
    <message>
        <source>The machine policy sets the language.</source>
        <translation>Maskinens politik bestemmer sproget.</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutter</translation>
    </message>
    <message>
        <source>Lock after &amp;no use for</source>
        <translation>Lås efter ingen &amp;brug i</translation>
    </message>
    <message numerus="yes">
        <source>The machine policy allows at most %n minutes.</source>
        <translation>
            <numerusform>Maskinens politik tillader højst %n minut.</numerusform>
            <numerusform>Maskinens politik tillader højst %n minutter.</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Adgangsfrase</translation>
    </message>
    <message>
        <source>C&amp;urrent passphrase</source>
        <translation>&amp;Nuværende adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Ny adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;Change passphrase</source>
        <translation>S&amp;kift adgangsfrase</translation>
    </message>
    <message>
        <source>The recovery key stays the same; the data is not re-encrypted.</source>
        <translation>Gendannelsesnøglen er den samme; data krypteres ikke om.</translation>
    </message>
    <message>
        <source>Server and sync</source>
        <translation>Server og synkronisering</translation>
    </message>
    <message>
        <source>Sign &amp;in to the server…</source>
        <translation>Log &amp;ind på serveren …</translation>
    </message>
    <message>
        <source>About Gadeplan</source>
        <translation>Om Gadeplan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Skifter adgangsfrase …</translation>
    </message>
    <message>
        <source>The passphrase is changed. Use the new one from now on.</source>
        <translation>Adgangsfrasen er skiftet. Brug den nye fra nu af.</translation>
    </message>
    <message>
        <source>Unlock Gadeplan to see or change the sign-in.</source>
        <translation>Lås Gadeplan op for at se eller ændre, hvordan computeren er logget ind.</translation>
    </message>
    <message>
        <source>Signed in as {worker} on {server}.</source>
        <translation>Logget ind som {worker} på {server}.</translation>
    </message>
    <message>
        <source>Team: {teams}.</source>
        <translation>Team: {teams}.</translation>
    </message>
    <message>
        <source>Work syncs by itself every few minutes while Gadeplan is open, and with Ctrl+S. To sign in as someone else, IT must first revoke this computer.</source>
        <translation>Arbejdet synkroniseres af sig selv med få minutters mellemrum, mens Gadeplan er åben, og når du trykker Ctrl+S. Skal en anden logge ind på computeren, skal IT først spærre den.</translation>
    </message>
    <message>
        <source>Not signed in. Until you sign in, your work is saved on this computer only.</source>
        <translation>Ikke logget ind. Indtil du logger ind, gemmes dit arbejde kun på denne computer.</translation>
    </message>
    <message>
        <source>Signing in moves the work saved here into your team on the server.</source>
        <translation>Når du logger ind, flyttes det arbejde, der er gemt her, over i dit team på serveren.</translation>
    </message>
    <message>
        <source>{name} version {version}</source>
        <translation>{name} version {version}</translation>
    </message>
    <message>
        <source>Protection: {protection}</source>
        <translation>Beskyttelse: {protection}</translation>
    </message>
    <message>
        <source>no profile yet</source>
        <translation>ingen profil endnu</translation>
    </message>
    <message>
        <source>Data folder: {folder}</source>
        <translation>Datamappe: {folder}</translation>
    </message>
    <message>
        <source>Machine policy: {source}</source>
        <translation>Maskinens politik: {source}</translation>
    </message>
    <message>
        <source>none (defaults)</source>
        <translation>ingen (standard)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the server</source>
        <translation>Log ind på serveren</translation>
    </message>
    <message>
        <source>Use the username and password IT gave you. The password is not stored: this computer gets its own key, kept in the encrypted profile, until IT revokes it.</source>
        <translation>Brug det brugernavn og den adgangskode, du har fået af IT. Adgangskoden gemmes ikke: computeren får sin egen nøgle, som ligger i den krypterede profil, indtil IT spærrer den.</translation>
    </message>
    <message>
        <source>Server &amp;address</source>
        <translation>&amp;Serveradresse</translation>
    </message>
    <message>
        <source>Filled in from the machine policy.</source>
        <translation>Udfyldt fra maskinens politik.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Brugernavn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Adgangskode</translation>
    </message>
    <message>
        <source>&amp;Computer name</source>
        <translation>&amp;Computerens navn</translation>
    </message>
    <message>
        <source>IT sees this name in the list of devices.</source>
        <translation>IT ser dette navn på listen over computere.</translation>
    </message>
    <message>
        <source>When you sign in, the work already saved on this computer moves into your team on the server, and your colleagues in the team see it after the first sync.</source>
        <translation>Når du logger ind, flyttes det arbejde, der allerede er gemt på denne computer, over i dit team på serveren, og dine kolleger i teamet kan se det efter første synkronisering.</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Log ind</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logger ind …</translation>
    </message>
    <message>
        <source>Signed in as {worker}. Team: {teams}.</source>
        <translation>Logget ind som {worker}. Team: {teams}.</translation>
    </message>
    <message>
        <source>The first sync has started; the status bar shows how it goes.</source>
        <translation>Den første synkronisering er gået i gang; statuslinjen nederst viser, hvordan det går.</translation>
    </message>
</context>
<context>
    <name>StreetRoundScreen</name>
    <message>
        <source>Street round</source>
        <translation>Gadeplansrunde</translation>
    </message>
    <message>
        <source>Count anonymous contacts as you go. When someone gives their name, make the tally a person.</source>
        <translation>Tæl anonyme kontakter, mens du går. Når nogen siger sit navn, gøres optællingen til en borger.</translation>
    </message>
    <message>
        <source>Start a &amp;new round</source>
        <translation>Start en &amp;ny runde</translation>
    </message>
    <message>
        <source>P&amp;lace</source>
        <translation>&amp;Sted</translation>
    </message>
    <message>
        <source>&amp;1 under 18</source>
        <translation>&amp;1 under 18</translation>
    </message>
    <message>
        <source>&amp;2 18–24</source>
        <translation>&amp;2 18–24</translation>
    </message>
    <message>
        <source>&amp;3 25–29</source>
        <translation>&amp;3 25–29</translation>
    </message>
    <message>
        <source>&amp;4 30–49</source>
        <translation>&amp;4 30–49</translation>
    </message>
    <message>
        <source>&amp;5 50 or older</source>
        <translation>&amp;5 50 eller ældre</translation>
    </message>
    <message>
        <source>Rough age</source>
        <translation>Cirka alder</translation>
    </message>
    <message>
        <source>&amp;Situation</source>
        <translation>S&amp;ituation</translation>
    </message>
    <message>
        <source>Optional: what you can tell without a name</source>
        <translation>Valgfrit: det, du kan se uden et navn</translation>
    </message>
    <message>
        <source>&amp;Description</source>
        <translation>&amp;Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Count (Enter)</source>
        <translation>&amp;Tæl (Enter)</translation>
    </message>
    <message>
        <source>Tallies on this round</source>
        <translation>Optællinger på denne runde</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Sted</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>&amp;Make a person…</source>
        <translation>&amp;Gør til borger …</translation>
    </message>
    <message>
        <source>Count a contact</source>
        <translation>Tæl en kontakt</translation>
    </message>
    <message>
        <source>This round</source>
        <translation>Denne runde</translation>
    </message>
    <message>
        <source>Round since {time}</source>
        <translation>Runde siden {time}</translation>
    </message>
    <message numerus="yes">
        <source>%n contacts on this round</source>
        <translation>
            <numerusform>%n kontakt på denne runde</numerusform>
            <numerusform>%n kontakter på denne runde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncMessages</name>
    <message>
        <source>No connection to the server. Nothing is lost; Gadeplan tries again by itself.</source>
        <translation>Ingen forbindelse til serveren. Intet er tabt; Gadeplan prøver igen af sig selv.</translation>
    </message>
    <message>
        <source>The server is not answering properly. Nothing is lost; Gadeplan tries again later.</source>
        <translation>Serveren svarer ikke ordentligt. Intet er tabt; Gadeplan prøver igen senere.</translation>
    </message>
    <message>
        <source>The server asks Gadeplan to wait a little. It tries again by itself.</source>
        <translation>Serveren beder Gadeplan om at vente lidt. Den prøver igen af sig selv.</translation>
    </message>
    <message>
        <source>Gadeplan does not trust the server&apos;s certificate, so nothing was sent. Nothing is lost. Ask IT: the municipality&apos;s CA certificate may be missing on this computer.</source>
        <translation>Gadeplan stoler ikke på serverens certifikat, så intet blev sendt. Intet er gået tabt. Kontakt IT: Kommunens CA-certifikat mangler måske på denne computer.</translation>
    </message>
    <message>
        <source>The server no longer accepts this computer&apos;s sign-in. Nothing is lost here; ask IT.</source>
        <translation>Serveren godtager ikke længere denne computers login. Intet er tabt her; spørg IT.</translation>
    </message>
    <message>
        <source>The server needs a newer version of Gadeplan. Ask IT to update it.</source>
        <translation>Serveren kræver en nyere udgave af Gadeplan. Bed IT om at opdatere den.</translation>
    </message>
    <message>
        <source>The server is missing some of this computer&apos;s changes. Nothing is deleted here; ask IT.</source>
        <translation>Serveren mangler nogle af denne computers ændringer. Intet er slettet her; spørg IT.</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood. Ask IT.</source>
        <translation>Serverens svar kunne ikke forstås. Spørg IT.</translation>
    </message>
    <message>
        <source>A change is too large to be sent. Ask IT; nothing is deleted.</source>
        <translation>En ændring er for stor til at blive sendt. Spørg IT; intet er slettet.</translation>
    </message>
    <message>
        <source>The server was restored from a backup. Sync again to fetch everything.</source>
        <translation>Serveren er sat tilbage fra en sikkerhedskopi. Synkronisér igen for at hente det hele.</translation>
    </message>
    <message>
        <source>There is no server address. Sign in under Settings.</source>
        <translation>Der er ingen serveradresse. Log ind under Indstillinger.</translation>
    </message>
    <message>
        <source>This computer is not signed in to the server yet. Sign in under Settings.</source>
        <translation>Denne computer er ikke logget ind på serveren endnu. Log ind under Indstillinger.</translation>
    </message>
    <message>
        <source>A sync is already running.</source>
        <translation>Der synkroniseres allerede.</translation>
    </message>
    <message>
        <source>The sync did not finish. Nothing is lost; try again.</source>
        <translation>Synkroniseringen blev ikke færdig. Intet er tabt; prøv igen.</translation>
    </message>
    <message>
        <source>The server did not recognise the username or the password. Try again.</source>
        <translation>Serveren genkendte ikke brugernavnet eller adgangskoden. Prøv igen.</translation>
    </message>
    <message>
        <source>No connection to the server. Check that the computer is online and that the address is right.</source>
        <translation>Ingen forbindelse til serveren. Tjek, at computeren er på nettet, og at adressen er rigtig.</translation>
    </message>
    <message>
        <source>The server is not answering right now. Try again in a little while.</source>
        <translation>Serveren svarer ikke lige nu. Prøv igen om lidt.</translation>
    </message>
    <message>
        <source>Gadeplan does not trust the server&apos;s certificate. Is the address right? Otherwise ask IT: the municipality&apos;s CA certificate may be missing on this computer.</source>
        <translation>Gadeplan stoler ikke på serverens certifikat. Er adressen rigtig? Ellers kontakt IT: Kommunens CA-certifikat mangler måske på denne computer.</translation>
    </message>
    <message>
        <source>Too many attempts to sign in. Wait a quarter of an hour, then try again.</source>
        <translation>For mange forsøg på at logge ind. Vent et kvarter, og prøv så igen.</translation>
    </message>
    <message>
        <source>The address must start with https://, so that the connection is encrypted.</source>
        <translation>Adressen skal begynde med https://, så forbindelsen er krypteret.</translation>
    </message>
    <message>
        <source>That does not look like a server address. It looks like this: https://gadeplan.kommune.dk</source>
        <translation>Det ligner ikke en serveradresse. Den ser sådan ud: https://gadeplan.kommune.dk</translation>
    </message>
    <message>
        <source>The server&apos;s answer could not be understood. Is the address right? Otherwise ask IT.</source>
        <translation>Serverens svar kunne ikke forstås. Er adressen rigtig? Ellers spørg IT.</translation>
    </message>
    <message>
        <source>This computer is already signed in to the server.</source>
        <translation>Denne computer er allerede logget ind på serveren.</translation>
    </message>
    <message>
        <source>Signing in did not work. Ask IT whether you belong to a team.</source>
        <translation>Det lykkedes ikke at logge ind. Spørg IT, om du er med i et team.</translation>
    </message>
    <message>
        <source>the server&apos;s rules do not allow what was saved</source>
        <translation>serverens regler tillader ikke det, der blev gemt</translation>
    </message>
    <message>
        <source>you have no access to that team&apos;s records</source>
        <translation>du har ikke adgang til det teams oplysninger</translation>
    </message>
    <message>
        <source>only the worker who wrote it can correct it</source>
        <translation>kun den medarbejder, der skrev det, kan rette det</translation>
    </message>
    <message>
        <source>it cannot be changed once it is saved</source>
        <translation>det kan ikke ændres, når det først er gemt</translation>
    </message>
    <message>
        <source>it had already been deleted on the server</source>
        <translation>det var allerede slettet på serveren</translation>
    </message>
    <message>
        <source>only the server can change it</source>
        <translation>det kan kun ændres på serveren</translation>
    </message>
    <message>
        <source>it was too large to be sent</source>
        <translation>det var for stort til at blive sendt</translation>
    </message>
    <message>
        <source>the server does not know this kind of information (update Gadeplan)</source>
        <translation>serveren kender ikke den slags oplysninger (opdatér Gadeplan)</translation>
    </message>
    <message>
        <source>the server refused it</source>
        <translation>serveren afviste det</translation>
    </message>
</context>
<context>
    <name>SyncStatusBar</name>
    <message>
        <source>today at {time}</source>
        <extracomment>Requests per sync step in the window: one retry for a blip; longer outages wait on a timer. Seconds to wait for the server&apos;s answer (connecting gives up after 10). The first wait after a failed sync, and the longest. After the network comes back, a moment for it to settle (DHCP, captive portals). Codes that mean this computer could not reach the server at all. A stable code (SyncError.code, ``no_address`` ...) when the sync failed. The snapshot, the running state or the last outcome changed: repaint. A sync brought records: every screen reloads. A sync only sent: counts of unsent work changed. The backend revoked this laptop; its profile is gone. The last attempt&apos;s failure code in this session (None: it worked, or none yet).</extracomment>
        <translation>i dag kl. {time}</translation>
    </message>
    <message>
        <source>yesterday at {time}</source>
        <translation>i går kl. {time}</translation>
    </message>
    <message>
        <source>Not signed in</source>
        <extracomment>The wall clock: the store stamps unsent changes and syncs with it (tests move it).</extracomment>
        <translation>Ikke logget ind</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkroniserer …</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Offline</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>Synkronisering mislykkedes</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Ikke synkroniseret endnu</translation>
    </message>
    <message numerus="yes">
        <source>%n changes waiting</source>
        <translation>
            <numerusform>%n ændring venter</numerusform>
            <numerusform>%n ændringer venter</numerusform>
        </translation>
    </message>
    <message>
        <source>(the oldest is {age} old)</source>
        <translation>(den ældste er {age} gammel)</translation>
    </message>
    <message>
        <source>Everything is sent</source>
        <translation>Alt er sendt</translation>
    </message>
    <message>
        <source>Work is saved on this computer only</source>
        <translation>Arbejdet gemmes kun på denne computer</translation>
    </message>
    <message>
        <source>last synced {when}</source>
        <translation>sidst synkroniseret {when}</translation>
    </message>
    <message>
        <source>This computer has no network. Gadeplan syncs when it is back.</source>
        <translation>Computeren har ikke netværk. Gadeplan synkroniserer, når det er tilbage.</translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>%n konflikt</numerusform>
            <numerusform>%n konflikter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n refused changes</source>
        <translation>
            <numerusform>%n afvist ændring</numerusform>
            <numerusform>%n afviste ændringer</numerusform>
        </translation>
    </message>
    <message>
        <source>Show them (Ctrl+4)</source>
        <translation>Vis dem (Ctrl+4)</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisér nu</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Log ind …</translation>
    </message>
</context>
<context>
    <name>TallyToPersonDialog</name>
    <message>
        <source>Make a person</source>
        <translation>Gør til borger</translation>
    </message>
    <message>
        <source>&amp;Nickname</source>
        <translation>&amp;Kaldenavn</translation>
    </message>
    <message>
        <source>Full na&amp;me (if given)</source>
        <translation>&amp;Fulde navn (hvis oplyst)</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Uoplyst</translation>
    </message>
    <message>
        <source>Approximate &amp;age</source>
        <translation>Omtrentlig &amp;alder</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Mulige dubletter</translation>
    </message>
    <message>
        <source>Is it one of these?</source>
        <translation>Er det en af disse?</translation>
    </message>
    <message>
        <source>&amp;Yes, the one selected</source>
        <translation>&amp;Ja, den valgte</translation>
    </message>
    <message>
        <source>No, a ne&amp;w person</source>
        <translation>Nej, en &amp;ny borger</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Gem</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annullér</translation>
    </message>
    <message>
        <source>The tally becomes the person&apos;s first contact, and its situation their first housing situation.</source>
        <translation>Optællingen bliver borgerens første kontakt, og situationen borgerens første boligsituation.</translation>
    </message>
    <message>
        <source>Someone like this is known already. Is it one of these?</source>
        <translation>Der findes allerede en, der ligner. Er det en af disse?</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>&amp;Quick log (Ctrl+N)</source>
        <translation>&amp;Hurtig registrering (Ctrl+N)</translation>
    </message>
    <message>
        <source>Due</source>
        <extracomment>The radar&apos;s items due within a week, on top.</extracomment>
        <translation>Forfalder</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Opfølgninger</translation>
    </message>
    <message>
        <source>No follow-ups due. Well done.</source>
        <translation>Ingen opfølgninger forfalder. Godt gået.</translation>
    </message>
    <message>
        <source>&amp;Mark as done</source>
        <translation>&amp;Markér som udført</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Dato</translation>
    </message>
    <message>
        <source>Transition</source>
        <translation>Overgang</translation>
    </message>
    <message>
        <source>Transitions without a housing plan</source>
        <translation>Overgange uden boligplan</translation>
    </message>
    <message>
        <source>No transitions in the next 30 days without a housing plan.</source>
        <translation>Ingen overgange de næste 30 dage uden boligplan.</translation>
    </message>
    <message>
        <source>Eviction case</source>
        <translation>Udsættelsessag</translation>
    </message>
    <message>
        <source>Eviction dates</source>
        <translation>Udsættelsesdatoer</translation>
    </message>
    <message>
        <source>No eviction dates in the next 30 days.</source>
        <translation>Ingen udsættelsesdatoer de næste 30 dage.</translation>
    </message>
    <message>
        <source>Follow-ups due and overdue</source>
        <translation>Opfølgninger, der forfalder og er overskredet</translation>
    </message>
    <message>
        <source>Transitions in the next 30 days without a housing plan</source>
        <translation>Overgange de næste 30 dage uden boligplan</translation>
    </message>
    <message>
        <source>Eviction dates in the next 30 days</source>
        <translation>Udsættelsesdatoer de næste 30 dage</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Today, {date}</source>
        <translation>I dag, {date}</translation>
    </message>
    <message numerus="yes">
        <source>%n older follow-ups are not shown.</source>
        <translation>
            <numerusform>%n ældre opfølgning vises ikke.</numerusform>
            <numerusform>%n ældre opfølgninger vises ikke.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{date} (%n days overdue)</source>
        <translation>
            <numerusform>{date} (%n dag over tiden)</numerusform>
            <numerusform>{date} (%n dage over tiden)</numerusform>
        </translation>
    </message>
    <message>
        <source>Anonymous contact</source>
        <translation>Anonym kontakt</translation>
    </message>
    <message>
        <source>Court hearing</source>
        <translation>Retsmøde</translation>
    </message>
    <message>
        <source>Bailiff&apos;s visit</source>
        <translation>Fogedforretning</translation>
    </message>
    <message>
        <source>arrears {amount} kr.</source>
        <translation>restance {amount} kr.</translation>
    </message>
    <message>
        <source>Everything is synced.</source>
        <translation>Alt er synkroniseret.</translation>
    </message>
    <message numerus="yes">
        <source>%n changes are not synced yet.</source>
        <translation>
            <numerusform>%n ændring er ikke synkroniseret endnu.</numerusform>
            <numerusform>%n ændringer er ikke synkroniseret endnu.</numerusform>
        </translation>
    </message>
    <message>
        <source>The oldest is {age} old.</source>
        <translation>Den ældste er {age} gammel.</translation>
    </message>
</context>
<context>
    <name>UnlockPage</name>
    <message>
        <source>Gadeplan is locked</source>
        <translation>Gadeplan er låst</translation>
    </message>
    <message>
        <source>Type your passphrase to open your profile.</source>
        <translation>Skriv din adgangsfrase for at åbne din profil.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Adgangsfrase</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Lås op</translation>
    </message>
    <message>
        <source>Forgot the passphrase? Use the &amp;recovery key</source>
        <translation>Glemt adgangsfrasen? Brug &amp;gendannelsesnøglen</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Låser op …</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Du kan prøve igen nu.</translation>
    </message>
</context>
<context>
    <name>Values</name>
    <message>
        <source>(empty)</source>
        <translation>(tom)</translation>
    </message>
    <message>
        <source>(worked {date})</source>
        <translation>(virkede {date})</translation>
    </message>
    <message>
        <source>another worker</source>
        <translation>en anden medarbejder</translation>
    </message>
    <message>
        <source>{amount} kr.</source>
        <translation>{amount} kr.</translation>
    </message>
</context>
<context>
    <name>Vocabulary</name>
    <message>
        <source>Rough sleeper (street, stairwell, shed)</source>
        <extracomment>The name each language has in itself, so a worker who cannot read the current one finds theirs.</extracomment>
        <translation>Gadesover (gaden, trappeopgang, skur o.l.)</translation>
    </message>
    <message>
        <source>Night shelter / drop-in with emergency beds</source>
        <translation>Natvarmestue / værested med nødovernatning</translation>
    </message>
    <message>
        <source>Shelter / hostel for homeless people (SEL § 110)</source>
        <translation>Herberg / forsorgshjem (SEL § 110)</translation>
    </message>
    <message>
        <source>Hotel or hostel because of homelessness</source>
        <translation>Hotel, vandrerhjem o.l. på grund af hjemløshed</translation>
    </message>
    <message>
        <source>Sofa surfer (temporarily with family/friends, no contract)</source>
        <translation>Sofasover (midlertidigt hos familie/venner uden kontrakt)</translation>
    </message>
    <message>
        <source>Transitional housing, no permanent lease</source>
        <translation>Udslusningsbolig uden permanent kontrakt</translation>
    </message>
    <message>
        <source>Leaving prison within a month, no housing solution</source>
        <translation>Løsladelse inden for 1 måned uden boligløsning</translation>
    </message>
    <message>
        <source>Leaving hospital or treatment within a month, no housing solution</source>
        <translation>Udskrivning inden for 1 måned uden boligløsning</translation>
    </message>
    <message>
        <source>Other (allotment hut, caravan, other emergency dwelling)</source>
        <translation>Andet (kolonihave, campingvogn, anden nødbolig)</translation>
    </message>
    <message>
        <source>Own home</source>
        <translation>Egen bolig</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Uoplyst</translation>
    </message>
    <message>
        <source>Rough sleeper</source>
        <extracomment>Short forms for tables and the timeline, where the count&apos;s full wording does not fit.</extracomment>
        <translation>Gadesover</translation>
    </message>
    <message>
        <source>Night shelter</source>
        <translation>Natvarmestue</translation>
    </message>
    <message>
        <source>Shelter</source>
        <translation>Herberg</translation>
    </message>
    <message>
        <source>Hotel/hostel</source>
        <translation>Hotel/vandrerhjem</translation>
    </message>
    <message>
        <source>Sofa surfer</source>
        <translation>Sofasover</translation>
    </message>
    <message>
        <source>Transitional housing</source>
        <translation>Udslusningsbolig</translation>
    </message>
    <message>
        <source>Leaving prison</source>
        <translation>Løsladelse</translation>
    </message>
    <message>
        <source>Leaving hospital</source>
        <translation>Udskrivning</translation>
    </message>
    <message>
        <source>Other emergency dwelling</source>
        <translation>Anden nødbolig</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Gaden</translation>
    </message>
    <message>
        <source>Night café</source>
        <translation>Natcafé</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Kontoret</translation>
    </message>
    <message>
        <source>Home visit</source>
        <translation>Hjemmebesøg</translation>
    </message>
    <message>
        <source>Seen myself</source>
        <translation>Set selv</translation>
    </message>
    <message>
        <source>Told by others</source>
        <translation>Fortalt af andre</translation>
    </message>
    <message>
        <source>Leaving care</source>
        <translation>Ophør af anbringelse</translation>
    </message>
    <message>
        <source>Aftercare ending</source>
        <translation>Efterværn ophører</translation>
    </message>
    <message>
        <source>Release from prison</source>
        <translation>Løsladelse fra fængsel</translation>
    </message>
    <message>
        <source>Discharge from hospital</source>
        <translation>Udskrivning fra hospital</translation>
    </message>
    <message>
        <source>Moving out of a shelter</source>
        <translation>Udflytning fra herberg</translation>
    </message>
    <message>
        <source>End of addiction treatment</source>
        <translation>Afslutning af misbrugsbehandling</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åben</translation>
    </message>
    <message>
        <source>Averted</source>
        <translation>Afværget</translation>
    </message>
    <message>
        <source>Evicted</source>
        <translation>Udsat</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Afsluttet</translation>
    </message>
    <message>
        <source>Ordinary housing</source>
        <translation>Almindelig bolig</translation>
    </message>
    <message>
        <source>Skæv bolig (alternative housing)</source>
        <translation>Skæv bolig</translation>
    </message>
    <message>
        <source>Supported housing</source>
        <translation>Botilbud</translation>
    </message>
    <message>
        <source>Youth housing</source>
        <translation>Ungdomsbolig</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Værelse</translation>
    </message>
    <message>
        <source>Other solution</source>
        <translation>Anden løsning</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>Foreslået</translation>
    </message>
    <message>
        <source>Viewing</source>
        <translation>Fremvisning</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Accepteret</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Afslået</translation>
    </message>
    <message>
        <source>Moved in</source>
        <translation>Flyttet ind</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Finances, job and education</source>
        <translation>Økonomi, job og uddannelse</translation>
    </message>
    <message>
        <source>Daily chores</source>
        <translation>Praktiske gøremål i hverdagen</translation>
    </message>
    <message>
        <source>Moving and making a home</source>
        <translation>Flytning og at skabe et hjem</translation>
    </message>
    <message>
        <source>Personal network</source>
        <translation>Personligt netværk</translation>
    </message>
    <message>
        <source>Social communities</source>
        <translation>Sociale fællesskaber</translation>
    </message>
    <message>
        <source>Addiction treatment</source>
        <translation>Misbrugsbehandling</translation>
    </message>
    <message>
        <source>Physical and mental health</source>
        <translation>Fysisk og psykisk helbred</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktivt</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Nået</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Opgivet</translation>
    </message>
    <message>
        <source>The person&apos;s consent</source>
        <translation>Personens samtykke</translation>
    </message>
    <message>
        <source>Without consent (Administration of Justice Act § 115)</source>
        <translation>Uden samtykke (retsplejelovens § 115)</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Afventer</translation>
    </message>
    <message>
        <source>Did not show up</source>
        <translation>Mødte ikke op</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Gennemført</translation>
    </message>
    <message>
        <source>Municipal department</source>
        <translation>Kommunal afdeling</translation>
    </message>
    <message>
        <source>Volunteers</source>
        <translation>Frivillige</translation>
    </message>
    <message>
        <source>Housing association</source>
        <translation>Boligselskab</translation>
    </message>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>Psychiatry</source>
        <translation>Psykiatrien</translation>
    </message>
    <message>
        <source>Police</source>
        <translation>Politiet</translation>
    </message>
    <message>
        <source>Prison and probation service</source>
        <translation>Kriminalforsorgen</translation>
    </message>
    <message>
        <source>Treatment centre</source>
        <translation>Behandlingssted</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
    <message>
        <source>Housing</source>
        <extracomment>Topics are stored as the Danish words workers have always used (the data is Danish whatever the screen&apos;s language); these are the ones offered as one-key choices in the quick log.</extracomment>
        <translation>Bolig</translation>
    </message>
    <message>
        <source>Money</source>
        <translation>Økonomi</translation>
    </message>
    <message>
        <source>Benefits</source>
        <translation>Ydelser</translation>
    </message>
    <message>
        <source>Addiction</source>
        <translation>Misbrug</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Helbred</translation>
    </message>
    <message>
        <source>Mental health</source>
        <translation>Psykisk helbred</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Netværk</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>Familie</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Job</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Uddannelse</translation>
    </message>
    <message>
        <source>Crime</source>
        <translation>Kriminalitet</translation>
    </message>
    <message>
        <source>Eviction</source>
        <translation>Udsættelse</translation>
    </message>
    <message>
        <source>Food</source>
        <translation>Mad</translation>
    </message>
    <message>
        <source>Clothes</source>
        <translation>Tøj</translation>
    </message>
    <message>
        <source>A place to sleep</source>
        <translation>Sovested</translation>
    </message>
    <message>
        <source>the passphrase and this computer&apos;s keychain</source>
        <translation>adgangsfrasen og denne computers nøglering</translation>
    </message>
    <message>
        <source>the passphrase alone (this computer has no secure keychain)</source>
        <translation>kun adgangsfrasen (denne computer har ingen sikker nøglering)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Today</source>
        <extracomment>The other screens are made when first shown or asked for: the window shows sooner (Overblik&apos;s charts, the reports and the person page are a tenth of a second of imports and widgets), and a worker who only logs contacts never pays for them.</extracomment>
        <translation>I dag</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Borgere</translation>
    </message>
    <message>
        <source>Street round</source>
        <translation>Gadeplansrunde</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Konflikter</translation>
    </message>
    <message>
        <source>Radar</source>
        <translation>Radar</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapporter</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Borger</translation>
    </message>
    <message>
        <source>Logged: {who}.</source>
        <translation>Registreret: {who}.</translation>
    </message>
    <message>
        <source>Anonymous contact logged.</source>
        <translation>Anonym kontakt registreret.</translation>
    </message>
</context>
</TS>
