import ApenCore

/// The entries themselves, one family per list, worded as METHODS.md defines them.
extension BuiltinCatalogue {
    static let surveyEntries: [IndicatorInfo] = [
        IndicatorInfo(
            id: "survey.<scale>.index", family: "survey",
            label: LocalizedText(
                nb: "Opplevd åpenhet, indeks (0–100)", en: "Perceived openness, index (0–100)",
                nn: "Opplevd openheit, indeks (0–100)"),
            unit: .index, direction: 1, inputs: ["survey"],
            definition: LocalizedText(
                nb:
                    "Vektet gjennomsnitt av respondentenes skalaskår omregnet til 0–100, med standardfeil (Taylor-linearisering, strata og primærenheter) og 95 % konfidensintervall. n = respondenter med skår.",
                en:
                    "Weighted mean of respondents' scale scores rescaled to 0–100, with a Taylor-linearised standard error (strata and PSUs) and a 95 % confidence interval. n = respondents with a score.",
                nn:
                    "Vekta gjennomsnitt av skalaskåren til respondentane omrekna til 0–100, med standardfeil (Taylor-linearisering, strata og primæreiningar) og 95 % konfidensintervall. n = respondentar med skår."
            ),
            methods: "§2", hasInterval: true),
        IndicatorInfo(
            id: "survey.<scale>.agree_share", family: "survey",
            label: LocalizedText(
                nb: "Andel som er enige", en: "Share who agree",
                nn: "Del som er samde"),
            unit: .share, direction: 1, inputs: ["survey"],
            definition: LocalizedText(
                nb:
                    "Vektet andel respondenter med skår over midtpunktet på svarskalaen (skår nøyaktig på midtpunktet teller ikke), med standardfeil og 95 % konfidensintervall. n = respondenter med skår.",
                en:
                    "Weighted share of respondents whose score is above the midpoint of the answer scale (a score exactly at the midpoint does not count), with a standard error and 95 % confidence interval. n = respondents with a score.",
                nn:
                    "Vekta del respondentar med skår over midtpunktet på svarskalaen (skår nøyaktig på midtpunktet tel ikkje), med standardfeil og 95 % konfidensintervall. n = respondentar med skår."
            ),
            methods: "§2", hasInterval: true),
        IndicatorInfo(
            id: "survey.<scale>.alpha", family: "survey",
            label: LocalizedText(
                nb: "Skalaens pålitelighet (Cronbachs alfa)", en: "Scale reliability (Cronbach's alpha)",
                nn: "Kor påliteleg skalaen er (Cronbachs alfa)"),
            unit: .coefficient, direction: 0, inputs: ["survey"],
            definition: LocalizedText(
                nb:
                    "Cronbachs α for skalaens spørsmål blant respondenter som har svart på alle, uvektet. Krever minst to spørsmål og to respondenter. n = fullstendige svar.",
                en:
                    "Cronbach's α of the scale's items among respondents who answered all of them, unweighted. Needs at least two items and two respondents. n = complete cases.",
                nn:
                    "Cronbachs α for spørsmåla i skalaen blant respondentar som har svart på alle, uvekta. Krev minst to spørsmål og to respondentar. n = fullstendige svar."
            ),
            methods: "§2"),
        IndicatorInfo(
            id: "survey.responses", family: "survey",
            label: LocalizedText(
                nb: "Antall svar i undersøkelsen", en: "Survey responses",
                nn: "Talet på svar i undersøkinga"),
            unit: .count, direction: 0, inputs: ["survey"],
            definition: LocalizedText(
                nb: "Antall respondenter (rader) i undersøkelsen, uvektet.",
                en: "Number of respondent rows in the survey, unweighted.",
                nn: "Talet på respondentar (rader) i undersøkinga, uvekta."),
            methods: "§2"),
    ]

    static let engagementEntries: [IndicatorInfo] = [
        IndicatorInfo(
            id: "engagement.participants", family: "engagement",
            label: LocalizedText(
                nb: "Deltakere", en: "Participants",
                nn: "Deltakarar"),
            unit: .count, direction: 1, inputs: ["engagement"],
            definition: LocalizedText(
                nb: "Antall ulike deltakere (participant_id) i medvirkningsloggen.",
                en: "Number of distinct participants (participant_id) in the engagement log.",
                nn:
                    "Talet på ulike deltakarar (participant_id) i medverknadsloggen."),
            methods: "§3"),
        IndicatorInfo(
            id: "engagement.participants_per_1000", family: "engagement",
            label: LocalizedText(
                nb: "Deltakere per 1000 innbyggere", en: "Participants per 1,000 residents",
                nn: "Deltakarar per 1000 innbyggjarar"),
            unit: .perThousand, direction: 1, inputs: ["engagement", "population"],
            definition: LocalizedText(
                nb:
                    "Deltakere delt på kommunens folketall samme år, ganger 1000. Ingen verdi når folketallet er ukjent. n = deltakere.",
                en:
                    "Participants divided by the municipality's population that year, times 1,000. No value when the population is unknown. n = participants.",
                nn:
                    "Deltakarar delt på folketalet i kommunen same år, gonger 1000. Ingen verdi når folketalet er ukjent. n = deltakarar."
            ),
            methods: "§3"),
        IndicatorInfo(
            id: "engagement.actions_per_participant", family: "engagement",
            label: LocalizedText(
                nb: "Aktiviteter per deltaker", en: "Actions per participant",
                nn: "Aktivitetar per deltakar"),
            unit: .ratio, direction: 1, inputs: ["engagement"],
            definition: LocalizedText(
                nb: "Antall registrerte aktiviteter (rader) delt på antall deltakere. n = deltakere.",
                en: "Number of recorded actions (rows) divided by the number of participants. n = participants.",
                nn:
                    "Talet på registrerte aktivitetar (rader) delt på talet på deltakarar. n = deltakarar."),
            methods: "§3"),
        IndicatorInfo(
            id: "engagement.repeat_share", family: "engagement",
            label: LocalizedText(
                nb: "Andel som deltar i flere saker", en: "Share taking part in several initiatives",
                nn: "Del som deltek i fleire saker"),
            unit: .share, direction: 1, inputs: ["engagement"],
            definition: LocalizedText(
                nb:
                    "Andel deltakere som er aktive i minst to ulike saker (initiative_id). Beregnes bare når kilden har kolonnen initiative_id. n = deltakere.",
                en:
                    "Share of participants active in at least two distinct initiatives (initiative_id). Only when the source has an initiative_id column. n = participants.",
                nn:
                    "Del deltakarar som er aktive i minst to ulike saker (initiative_id). Blir berre rekna ut når kjelda har kolonnen initiative_id. n = deltakarar."
            ),
            methods: "§3"),
        IndicatorInfo(
            id: "engagement.gini", family: "engagement",
            label: LocalizedText(
                nb: "Skjevhet i deltakelsen (Gini)", en: "Concentration of participation (Gini)",
                nn: "Skeiv fordeling av deltakinga (Gini)"),
            unit: .coefficient, direction: -1, inputs: ["engagement"],
            definition: LocalizedText(
                nb:
                    "Gini-koeffisienten for antall aktiviteter per deltaker: 0 når alle er like aktive, nær 1 når noen få står for nesten alt. Krever minst to deltakere. n = deltakere.",
                en:
                    "Gini coefficient of actions per participant: 0 when everyone is equally active, close to 1 when a few people do almost everything. Needs at least two participants. n = participants.",
                nn:
                    "Gini-koeffisienten for talet på aktivitetar per deltakar: 0 når alle er like aktive, nær 1 når nokre få står for nesten alt. Krev minst to deltakarar. n = deltakarar."
            ),
            methods: "§3"),
    ]

    static let publicationEntries: [IndicatorInfo] = [
        IndicatorInfo(
            id: "publication.open_share", family: "publication",
            label: LocalizedText(
                nb: "Andel åpent publiserte journalposter", en: "Share of records published openly",
                nn: "Del journalpostar som er publiserte ope"),
            unit: .share, direction: 1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "Journalposter i offentlig journal med tilgang «open» og en publiseringsdato, delt på alle registrerte poster. n = poster.",
                en:
                    "Records in the public records journal with access \"open\" and a publication date, divided by all registered records. n = records.",
                nn:
                    "Journalpostar i offentleg journal med tilgang «open» og ein publiseringsdato, delt på alle registrerte postar. n = postar."
            ),
            methods: "§4"),
        IndicatorInfo(
            id: "publication.exempt_share", family: "publication",
            label: LocalizedText(
                nb: "Andel unntatt offentlighet", en: "Share exempt from public access",
                nn: "Del unnateke offentlegheit"),
            unit: .share, direction: -1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "Journalposter med tilgang «exempt» (unntatt offentlighet), delt på alle registrerte poster. n = poster.",
                en: "Records with access \"exempt\" divided by all registered records. n = records.",
                nn:
                    "Journalpostar med tilgang «exempt» (unnateke offentlegheit), delt på alle registrerte postar. n = postar."
            ),
            methods: "§4"),
        IndicatorInfo(
            id: "publication.lag_median_days", family: "publication",
            label: LocalizedText(
                nb: "Tid til publisering, median (dager)", en: "Time to publication, median (days)",
                nn: "Tid til publisering, median (dagar)"),
            unit: .days, direction: -1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "Median av kalenderdager fra registrering til publisering, blant publiserte poster (lineær interpolasjon, R type 7). n = publiserte poster.",
                en:
                    "Median of calendar days from registration to publication over published records (linear interpolation, R type 7). n = published records.",
                nn:
                    "Median av kalenderdagar frå registrering til publisering, blant publiserte postar (lineær interpolasjon, R type 7). n = publiserte postar."
            ),
            methods: "§4"),
        IndicatorInfo(
            id: "publication.lag_p90_days", family: "publication",
            label: LocalizedText(
                nb: "Tid til publisering, 90-persentil (dager)", en: "Time to publication, 90th percentile (days)",
                nn: "Tid til publisering, 90-persentil (dagar)"),
            unit: .days, direction: -1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "90-persentilen av kalenderdager fra registrering til publisering, blant publiserte poster (R type 7). n = publiserte poster.",
                en:
                    "90th percentile of calendar days from registration to publication over published records (R type 7). n = published records.",
                nn:
                    "90-persentilen av kalenderdagar frå registrering til publisering, blant publiserte postar (R type 7). n = publiserte postar."
            ),
            methods: "§4"),
    ]

    static let opendataEntries: [IndicatorInfo] = [
        IndicatorInfo(
            id: "opendata.open_licence_share", family: "opendata",
            label: LocalizedText(
                nb: "Andel datasett med åpen lisens", en: "Share of datasets with an open licence",
                nn: "Del datasett med open lisens"),
            unit: .share, direction: 1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "Blant poster av typen «dataset»: andelen med åpen lisens (CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, NLOD-1.0, NLOD-2.0, ODbL-1.0, PDDL-1.0). n = datasett.",
                en:
                    "Among records of type \"dataset\": the share with an open licence (CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, NLOD-1.0, NLOD-2.0, ODbL-1.0, PDDL-1.0). n = datasets.",
                nn:
                    "Blant postar av typen «dataset»: delen med open lisens (CC0-1.0, CC-BY-4.0, CC-BY-SA-4.0, NLOD-1.0, NLOD-2.0, ODbL-1.0, PDDL-1.0). n = datasett."
            ),
            methods: "§4"),
        IndicatorInfo(
            id: "opendata.stars_mean", family: "opendata",
            label: LocalizedText(
                nb: "Åpne data, gjennomsnittlig antall stjerner (0–5)", en: "Open data, mean stars (0–5)",
                nn: "Opne data, gjennomsnittleg tal på stjerner (0–5)"),
            unit: .stars, direction: 1, inputs: ["publications"],
            definition: LocalizedText(
                nb:
                    "Gjennomsnittlig nivå på Berners-Lees femstjerneskala per datasett, ut fra lisens og format: 0 ikke åpen lisens, 1 ustrukturert (pdf, html …), 2 strukturert proprietært (xls, xlsx), 3 åpent format (csv, json …), 4 RDF, 5 lenket RDF. n = datasett.",
                en:
                    "Mean level on Berners-Lee's 5-star scheme per dataset, from licence and format: 0 no open licence, 1 unstructured (pdf, html …), 2 structured proprietary (xls, xlsx), 3 open format (csv, json …), 4 RDF, 5 linked RDF. n = datasets.",
                nn:
                    "Gjennomsnittleg nivå på femstjerneskalaen til Berners-Lee per datasett, ut frå lisens og format: 0 ikkje open lisens, 1 ustrukturert (pdf, html …), 2 strukturert proprietært (xls, xlsx), 3 ope format (csv, json …), 4 RDF, 5 lenkja RDF. n = datasett."
            ),
            methods: "§4"),
    ]

    static let foiEntries: [IndicatorInfo] = [
        IndicatorInfo(
            id: "foi.within_3_workdays_share", family: "foi",
            label: LocalizedText(
                nb: "Innsynskrav besvart innen 3 arbeidsdager", en: "Access requests answered within 3 working days",
                nn: "Innsynskrav med svar innan 3 arbeidsdagar"),
            unit: .share, direction: 1, inputs: ["access_requests"],
            definition: LocalizedText(
                nb:
                    "Andel av alle innsynskrav som er besvart innen 3 arbeidsdager etter mottak (veilederen til offentleglova: samme dag eller innen én til tre arbeidsdager). n = alle innsynskrav.",
                en:
                    "Share of all access requests answered within 3 Norwegian working days of receipt (the guidance to the Freedom of Information Act: the same day or within one to three working days). n = all requests.",
                nn:
                    "Del av alle innsynskrav som har fått svar innan 3 arbeidsdagar etter mottak (rettleiaren til offentleglova: same dag eller innan éin til tre arbeidsdagar). n = alle innsynskrav."
            ),
            methods: "§5"),
        IndicatorInfo(
            id: "foi.within_5_workdays_share", family: "foi",
            label: LocalizedText(
                nb: "Innsynskrav besvart innen 5 arbeidsdager", en: "Access requests answered within 5 working days",
                nn: "Innsynskrav med svar innan 5 arbeidsdagar"),
            unit: .share, direction: 1, inputs: ["access_requests"],
            definition: LocalizedText(
                nb:
                    "Andel av alle innsynskrav som er besvart innen 5 arbeidsdager; etter offentleglova § 32 regnes et krav som ikke er besvart innen fem arbeidsdager som avslått og kan påklages. n = alle innsynskrav.",
                en:
                    "Share of all access requests answered within 5 working days; under section 32 of the Freedom of Information Act a request not answered within five working days is deemed refused and may be appealed. n = all requests.",
                nn:
                    "Del av alle innsynskrav som har fått svar innan 5 arbeidsdagar; etter offentleglova § 32 skal eit krav som ikkje har fått svar innan fem arbeidsdagar, reknast som avslått og kan klagast på. n = alle innsynskrav."
            ),
            methods: "§5"),
        IndicatorInfo(
            id: "foi.median_workdays", family: "foi",
            label: LocalizedText(
                nb: "Svartid for innsynskrav, median (arbeidsdager)",
                en: "Access request response time, median (working days)",
                nn: "Svartid for innsynskrav, median (arbeidsdagar)"),
            unit: .workdays, direction: -1, inputs: ["access_requests"],
            definition: LocalizedText(
                nb:
                    "Median antall arbeidsdager fra mottak til svar blant besvarte innsynskrav (svar samme dag = 0; helligdager og helger teller ikke). n = besvarte innsynskrav.",
                en:
                    "Median number of working days from receipt to answer over answered requests (an answer the same day = 0; weekends and public holidays do not count). n = answered requests.",
                nn:
                    "Median tal på arbeidsdagar frå mottak til svar blant innsynskrav med svar (svar same dag = 0; helger og heilagdagar tel ikkje). n = innsynskrav med svar."
            ),
            methods: "§5"),
        IndicatorInfo(
            id: "foi.granted_share", family: "foi",
            label: LocalizedText(
                nb: "Andel innsynskrav innvilget helt eller delvis",
                en: "Share of access requests granted in full or in part",
                nn: "Del innsynskrav innvilga heilt eller delvis"),
            unit: .share, direction: 1, inputs: ["access_requests"],
            definition: LocalizedText(
                nb: "Innsynskrav innvilget helt eller delvis, delt på besvarte innsynskrav. n = besvarte innsynskrav.",
                en: "Requests granted in full or in part divided by answered requests. n = answered requests.",
                nn:
                    "Innsynskrav innvilga heilt eller delvis, delt på innsynskrav med svar. n = innsynskrav med svar."),
            methods: "§5"),
    ]
}
