<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>Age</name>
    <message numerus="yes">
        <source>%n years</source>
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
        <extracomment>Messages for one field and code; checked before the code&apos;s general message.</extracomment>
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
    <name>PeopleModel</name>
    <message>
        <source>Nickname</source>
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
        <source>Choose the person first: a suggestion, an anonymous contact or a new person.</source>
        <translation>Vælg først borgeren: et forslag, en anonym kontakt eller en ny borger.</translation>
    </message>
    <message>
        <source>Someone like this is known already. Is it one of these?</source>
        <translation>Der findes allerede en, der ligner. Er det en af disse?</translation>
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
