/**
 * The readings the product adopts where the ordinance or the agencies' guidance leaves a
 * choice, numbered D1–D24. Rule files link to them as docs/decisions.md#d7; the rule
 * documentation, docs/decisions.md and /regler are generated from this list.
 */
export interface Decision {
  /** "D1" … "D24"; the anchor in docs/decisions.md is the lower-case id. */
  id: string;
  title: string;
  text: string;
}

export const decisions: readonly Decision[] = [
  {
    id: 'D1',
    title: 'Bemanningen prövas varje dag',
    text: 'Kraven i 4 § ska vara uppfyllda varje dag under den period som söks, inte som ett genomsnitt över året: minst 1,00 årsarbetskraft skolpersonal, minst 1,00 från socialtjänsten och minst 2,00 tillsammans. 0,5 tjänst i tolv månader räcker alltså inte, två personer på 0,5 tjänst hela perioden räcker. Ett glapp mellan den som slutar och den som ersätter gör att kravet inte är uppfyllt de dagarna. Det är Skolverkets läsning.',
  },
  {
    id: 'D2',
    title: 'Vem som räknas',
    text: 'En person räknas in i bemanningen de dagar hen är med i teamet (inom både anställningen och teamets period) om utbildningen godtas och anställningen eller uppdraget varar minst sex månader. Om personen är ny, behållen eller omfördelad och om andra bidrag betalar en del påverkar bara pengarna, inte bemanningen.',
  },
  {
    id: 'D3',
    title: 'Sex månader',
    text: 'Sex månader mäts på hela anställningen, även den del som ligger utanför bidragsåret. En anställning från dag S till och med dag E räcker om E är minst S plus sex månader minus en dag (en dag som inte finns i slutmånaden blir månadens sista dag). Tillsvidareanställningar räcker alltid.',
  },
  {
    id: 'D4',
    title: 'Okänd utbildning',
    text: 'När en persons utbildning inte är angiven räknas bemanningen två gånger: med bara dem vars utbildning godtas och med dem vars utbildning är okänd. Räcker det första är kravet uppfyllt; räcker bara det andra behöver det bedömas; annars är det inte uppfyllt. Personer med okänd utbildning ger inga belopp förrän utbildningen är känd.',
  },
  {
    id: 'D5',
    title: 'En persons kostnad',
    text: 'Kostnaden räknas månad för månad över de dagar personen är med i teamets period: månadslön × (1 + personalomkostnadspålägg) × tjänstgöringsgrad × andelen av månadens dagar, summerat och minskat med den andel andra statsbidrag betalar. Kostnaden är noll för den som saknar godkänd utbildning, är anställd kortare än sex månader, har omfördelats från befintlig personal eller arbetar i ett team med uppdragsutbildning.',
  },
  {
    id: 'D6',
    title: 'Beloppen går jämnt ut',
    text: 'All räkning sker med exakta decimaltal. Varje persons kostnad och bidrag (halva kostnaden) avrundas till hela kronor, halvt bort från noll, från det exakta värdet. Varje summa är summan av de avrundade raderna, så delarna går alltid jämnt upp i totalen.',
  },
  {
    id: 'D7',
    title: 'Vem Skolverket betalar för',
    text: 'Skolverkets bidrag för ett team är summan av bidragen för de personer Skolverket finansierar. Från 2024 är det skolpersonalen. År 2023 var det båda sidor för en kommunal, regional eller kommunalförbundets huvudman, men bara skolpersonalen för en enskild huvudman; kostnaden för personalen från socialtjänsten visas ändå.',
  },
  {
    id: 'D8',
    title: 'Kommunens motfinansiering',
    text: 'Från 2024 får kommunen med teamets kommunkod samma belopp från Socialstyrelsen som Skolverkets bidrag för teamet. Kommunen får använda högst summan av bidragen (halva kostnaden) för teamets personal från socialtjänsten; resten riskerar att betalas tillbaka. För varje kommun summeras teamen med dess kommunkod.',
  },
  {
    id: 'D9',
    title: 'Team tillsammans',
    text: 'Ett team som inte uppfyller bemanningskraven på egen hand kan ändå få bidrag, med lägre prioritet, om huvudmannens team tillsammans uppfyller dem varje dag under teamets period. Bara team som arbetar i grundskolan eller gymnasieskolan utanför uppdragsutbildning räknas in, och varje person räknas de dagar hen är med i sitt eget team.',
  },
  {
    id: 'D10',
    title: 'Prioritetsgrupp',
    text: 'Från 2024 får varje team en prioritetsgrupp enligt urvalsordningen i 8 §. Den sökta omfattningen är den högsta dagliga summan av tjänstgöringsgrad för teamets skolpersonal som ger kostnad. Ett befintligt grundskoleteam har grupp 1 för det som tidigare beviljats och grupp 3 för resten, ett nytt grundskoleteam grupp 2 och ett team bara i gymnasieskolan grupp 4. För 2023 ges ingen grupp.',
  },
  {
    id: 'D11',
    title: 'Huvudmän och skolformer',
    text: 'Kommunala och enskilda huvudmän godtas. Regioner och kommunalförbund godtas med en varning, eftersom myndigheternas listor har skilt sig mellan åren. Ett team som arbetar varken i grundskolan eller gymnasieskolan uppfyller inte villkoren; gäller det anpassad grundskola eller anpassad gymnasieskola förklaras att stöduppdraget, inte förordningen, omfattar dem sedan december 2025.',
  },
  {
    id: 'D12',
    title: 'Inga löften om pengar',
    text: 'Varje belopp är det högsta möjliga enligt 6 §, före Skolverkets urval när ansökningarna är fler än pengarna räcker till. Den senast kända efterfrågan visas som sammanhang.',
  },
  {
    id: 'D13',
    title: 'Bara team som uppfyller villkoren får pengar',
    text: 'Ett team som inte är bidragsberättigat får 0 kr i bidrag och motfinansiering. Personernas kostnader och bidrag visas ändå, som det de skulle ha varit.',
  },
  {
    id: 'D14',
    title: 'Lägsta bemanning',
    text: 'De tjänstgöringsgrader som visas för ett team är de lägsta dagliga summorna under perioden, räknat med bara de personer som räknas och vars utbildning godtas. Summan för båda sidor är den lägsta dagliga summan av båda, inte summan av två minimum.',
  },
  {
    id: 'D15',
    title: 'Inget team att pröva',
    text: 'Om inget team arbetar i grundskolan eller gymnasieskolan utanför uppdragsutbildning prövas inte bemanningen för ansökan som helhet: utfallet är information, inte underkänt, eftersom villkoren om skolform och uppdragsutbildning redan säger varför.',
  },
  {
    id: 'D16',
    title: 'Ny personal som redan fanns',
    text: 'Den som anges som nytillsatt men började före teamets period får en varning: bekräfta att personen tillsattes för teamet och inte är befintlig personal som flyttats dit. Varningen ändrar inget belopp.',
  },
  {
    id: 'D17',
    title: 'Anställning utan personalomkostnader',
    text: 'En anställd med personalomkostnadspålägg 0 % får en varning, eftersom kostnaden och bidraget då troligen blir för låga. Varningen ändrar inget belopp.',
  },
  {
    id: 'D18',
    title: 'Summor efter teamens status',
    text: 'Summorna visas också uppdelade efter teamens status (bidragsberättigat, bidragsberättigat tillsammans med andra team, behöver bedömas), så att pengar som beror på en bedömning inte ser avgjorda ut. Delarna går jämnt upp i summorna.',
  },
  {
    id: 'D19',
    title: 'Redovisningen efter året',
    text: 'Redovisningen jämför Skolverkets beslut för varje team (0 kr för ett team som inte beviljades) med det som faktiskt blev: personerna med sina verkliga datum, tjänstgöringsgrader och kostnader. En faktisk kostnad från bokföringen ersätter den beräknade; andra statsbidrag dras av och reglerna om vem som ger kostnad gäller som i ansökan. Redovisningen finns från bidragsår 2024.',
  },
  {
    id: 'D20',
    title: 'Använt och outnyttjat bidrag',
    text: 'Ett teams motiverade bidrag är summan av bidragen för de personer Skolverket finansierar, räknat på det som faktiskt blev och utan att nollställa team som inte uppfyllde villkoren. Använt är det minsta av beslutat och motiverat; outnyttjat är beslutat minus använt och ska betalas tillbaka.',
  },
  {
    id: 'D21',
    title: 'Villkoren under året',
    text: 'Teamets status på det som faktiskt blev avgör om villkoren var uppfyllda, behöver bedömas eller inte var uppfyllda. Var de inte uppfyllda visas varje period då teamet, ensamt och tillsammans med huvudmannens andra team, låg under ett krav, med sida och lägsta dagliga tjänstgöringsgrad.',
  },
  {
    id: 'D22',
    title: 'Kommunens pengar efter året',
    text: 'Kommunen har fått Skolverkets beslutade bidrag för teamet. Den får använda högst summan av bidragen för teamets personal från socialtjänsten, räknat på det som faktiskt blev; resten ska betalas tillbaka. För varje kommun summeras teamen.',
  },
  {
    id: 'D23',
    title: 'Ändringar att anmäla',
    text: 'När den sökta ansökan finns bredvid den genomförda listas varje person som slutade tidigare, började senare, fick lägre tjänstgöringsgrad, togs bort eller lades till, med det datum ändringen gäller från. Sådana ändringar ska anmälas till myndigheten utan dröjsmål.',
  },
  {
    id: 'D24',
    title: 'Säkert före möjligt',
    text: 'En status som gäller på de uppgifter som finns (bidragsberättigat ensamt eller tillsammans med huvudmannens andra team) går före en som beror på en bedömning. Att lägga till eller fylla i en person som räknas gör alltså aldrig ett team eller en ansökan sämre. Ett team som är bidragsberättigat tillsammans med andra, men skulle vara det ensamt om okänd utbildning godtas, får veta att utbildningen kan ge högre prioritet.',
  },
];
