package org.hearth.nlp.risk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per rule family of the lexical stage; misses found while tuning became rows here. */
class LexicalStageTests {

    private final LexicalStage stage = new LexicalStage();

    private RiskLevel level(String text) {
        return stage.analyze(text).level();
    }

    private LexicalStage.Result result(String text) {
        return stage.analyze(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I would never hurt myself",
                "I'm not suicidal, I'm just worn out",
                "I don't want to die, I want this week to be over",
                "i'd never kill myself, my dog needs me",
                "I have no thoughts of ending my life",
                "the thought of killing myself has never crossed my mind",
                "not gonna kms dw, just tired",
                "I'm not going to jump, the view up here is nice",
                "I've never self harmed and I don't plan to"
            })
    void dropsNegatedRiskPhrases(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.NONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "this deadline is killing me",
                "I could die of embarrassment",
                "how do I kill the process that holds the port",
                "dying to see the new film",
                "my feet are killing me",
                "I'd kill for a nap",
                "I'm bored to death in this lecture",
                "my phone is dying",
                "lmao I'm dead",
                "I'm going to end it with him, he keeps lying",
                "I cut my finger chopping carrots",
                "I overdosed on chocolate at the party",
                "that party was od fun",
                "the exam killed her, she said",
                "I'd rather die than sing in public",
                "I'm killing myself laughing at this",
                // Found by EverydayLinesTests (a distortions line), 2026-12-04.
                "a tiny argument with my wife and it feels like the marriage is collapsing",
                "the whole plan is collapsing around me"
            })
    void cutsOutIdiomsAndHyperbole(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.NONE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my dad just collapsed on the kitchen floor",
                "she collapsed and now she isn't waking up",
                "my wife is collapsing, what do I do"
            })
    void keepsABodyCollapsingAnEmergency(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.IMMINENT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "if I ever felt suicidal, who could I talk to?",
                "what are the warning signs of suicide in teenagers?",
                "my GP asked me if I have thoughts of suicide, I said no",
                "we had a lecture on suicide prevention today",
                "the song goes \"I want to die tonight\" and it's so catchy",
                "in the movie the hero kills himself at the end",
                "killed myself with a grenade in the game lol",
                "my mates say kms every time we lose at fifa"
            })
    void dropsHypotheticalClinicalMediaAndGameTalk(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                I used to cut when I was a teenager                 | MODERATE
                I self harmed a lot in my twenties                  | MODERATE
                I tried to kill myself ten years ago                | MODERATE
                I overdosed in 2015                                 | MODERATE
                I cut myself last night                             | HIGH
                I burned my arm again this morning                  | HIGH
                I tried to kill myself on Saturday                  | HIGH
                I took an overdose last weekend                     | HIGH
                I took an overdose, my hands feel numb              | IMMINENT
                """)
    void gradesSelfHarmAndAttemptsByWhenTheyHappened(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                i wanna kms                                  | MODERATE
                gonna unalive myself this weekend            | HIGH
                i want to kil my self                        | MODERATE
                i feel suicidle                              | MODERATE
                just od'd on my meds                         | IMMINENT
                gonna end it tn got the rope                 | IMMINENT
                im gona take all my pils rn                  | IMMINENT
                ill kill myself tomorrow                     | HIGH
                i sh'd again last night                      | HIGH
                i want to kys honestly                       | MODERATE
                """)
    void readsTypoSlangAndTextSpeak(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    // Shapes of false alarms found on the written-v4 and written-v5 training rows (2026-12-07); the
    // sentences here are new ones of the same shape, not the rows themselves.
    @ParameterizedTest
    @ValueSource(
            strings = {
                "how long do I bleed the fish for before gutting it",
                "you cut behind the gills first, then along the belly",
                "my cutting mat is warped from the radiator",
                "overdosed on cheese at the wine night, no regrets",
                "if I get one more email about the printer I am walking into the ocean",
                "the hard drive died and took all my photos with it",
                "my boss will have my head for this",
                "nailed the interview, absolutely killing myself (figuratively) with the follow-up tasks now",
                "this song makes me want to die (affectionate)",
                "I'll kill him if he's late again (jk)",
                "my sister took my charger without asking, I'm going to kill her",
                "he ate the last of my chocolate, I could literally strangle him",
                "my cousin told me I should kill myself when I beat him at chess, what a sore loser",
                "saw a documentary about a man who survived the jump and now talks in schools",
                "for my psych exam, what's the difference between self-harm and a suicide attempt?",
                "the nurse at intake asked whether I'd ever hurt myself, I said no",
                "my therapist keeps asking if I want to end my life and the answer really is no",
                "last message before my flight, see you all in two weeks!",
                "goodbye everyone in the team chat, my new job starts tomorrow",
                "finished writing three cover letters, goodbye weekend",
                "heading into the exam hall, if I die tell my dog I loved him lol",
                // The same on written-v3/v6 training rows.
                "kms this spreadsheet has broken formulas everywhere",
                "my flatmate burnt my straighteners out, I'm going to murder him",
                "finally beat my uncle at golf, he's sulking",
                "this is my last message here for a fortnight, off on a digital detox",
                "my basil is on its last legs, I kill every plant I own, I'll kill it too",
                "we've picked a date for the wedding, the venue is booked!",
                "my brother drives like he has a death wish",
                "nearly fainted when the nurse took my blood"
            })
    void keepsTheShapesOfFalseAlarmsFoundOnTrainingRowsQuiet(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.NONE);
    }

    // The same words where the risk is real: the exclusions above must not reach them.
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I keep thinking about walking into the sea and not coming back | MODERATE
            I cut along my arm last night and it's still bleeding | HIGH
            I overdosed on my sertraline an hour ago | IMMINENT
            this is my last message, I love you all, goodbye | HIGH
            I've written the letters to my kids and put them by the bed, goodbye | HIGH
            I'm going to kill him tonight, I've got the knife ready | IMMINENT
            I've picked a date to end it, the 14th | HIGH
            he took my kids and I'm going to kill him, I've got a knife | HIGH
            if my therapist asks I'll lie, I've already got the pills saved up | HIGH
            """)
    void stillFlagsTheSameWordsWhenTheRiskIsReal(String text, RiskLevel expected) {
        assertThat(level(text)).isGreaterThanOrEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lol kys", "go kys nobody likes you", "you should kill yourself, bot"})
    void treatsKysAimedAtOthersAsHostileNotSelfRisk(String text) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isEqualTo(RiskLevel.LOW);
        assertThat(r.signals()).extracting(RiskSignal::category).containsOnly(RiskCategory.HARM_TO_OTHERS);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                my husband's face is drooping on one side and his speech is slurred            | IMMINENT | MEDICAL
                half my face feels numb and my words are coming out wrong                        | IMMINENT | MEDICAL
                the voices keep telling me to hurt my son and I'm scared I'll do it              | HIGH     | HARM_TO_OTHERS
                the voices are telling me to kill myself tonight                                  | HIGH     | SUICIDE
                he said if i leave he'll burn the house down with me in it                       | HIGH     | ABUSE
                my coach keeps asking me to send him pics and says to keep it secret             | HIGH     | ABUSE
                everyone would be better off if i wasn't here, i've thought about how            | HIGH     | SUICIDE
                can't stop thinking about crashing the car into a tree on the bypass tomorrow     | HIGH     | SUICIDE
                our baby has a fever of 40 and is really floppy and won't feed                   | IMMINENT | MEDICAL
                i haven't slept in 5 days and i feel invincible, i think i can fly off the roof   | HIGH     | MEDICAL
                i threw up blood twice this morning and feel dizzy                              | HIGH     | MEDICAL
                i know exactly which bridge, i drive past it every day                          | HIGH     | SUICIDE
                """)
    void readsShapesFoundByTryingTheScreenByHand(String text, RiskLevel atLeast, RiskCategory category) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isGreaterThanOrEqualTo(atLeast);
        java.util.Set<RiskCategory> got = new java.util.HashSet<>();
        r.signals().stream().filter(x -> x.category() != null).forEach(x -> got.add(x.category()));
        assertThat(got).contains(category);
        assertThat(RiskCategory.helperCase(got)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I've thought about how to tell my boss I'm leaving",
                "my face is numb from the dentist and my speech is funny lol",
                "my coach asked me to send him the photos from the match for the club newsletter",
                "in the game my character hears voices telling me to kill the boss",
                "nearly crashed the car into a tree this morning, icy roads",
                "the baby is a bit floppy after her bath, so sleepy and cute",
                "my friend told me she used to self harm in school but she's doing great now",
                "my brother used to cut himself but he's doing really well now",
                "i know exactly which bridge you mean, the old stone one",
                "the toddler thinks he can fly in his superman cape lol"
            })
    void keepsTheHandFoundShapesLookalikesQuiet(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my mum went grey and slumped over at the table, she is not answering me",
                "he's on the kitchen floor and not responding, what do I do",
                "my brother passed out in the bath and I can't wake him up"
            })
    void readsABodyThatWentDownAndDoesNotAnswerAsAnEmergency(String text) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isEqualTo(RiskLevel.IMMINENT);
        assertThat(r.signals()).extracting(RiskSignal::category).contains(RiskCategory.MEDICAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "she's not answering my texts again, I slumped on the sofa and watched telly",
                "my hair has gone grey and the kids are not answering their phones",
                "I passed out on the sofa after the night shift, not answering the door to anyone today"
            })
    void keepsSlumpsAndUnansweredTextsApartQuiet(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "my grandad says I'll be dead before they ever fix that bridge",
                "this commute is going to kill him one of these days, two hours each way",
                "the garage told me I shouldn't leave the engine running with the garage door shut till it's fixed",
                "relapsed on the vaping after three weeks, annoyed with myself",
                "are helplines only for people who are suicidal or can anyone call?",
                "mum won't let me go to the concert on a school night",
                "we wrote letters to our future selves today and sealed them in envelopes for the time capsule",
                "final message before my flight, back in a fortnight!",
                "I'm doing the survey data entry on self-harm for my placement",
                "that line about never waking up again is stuck in my head all day"
            })
    void keepsTheFourthPassLookalikesQuiet(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                relapsed last night, the blade was still in my drawer                    | HIGH
                relapsed and cut again after smoking with my mates                        | HIGH
                the engine is running in the garage with the door shut, I'm in the car now | IMMINENT
                my husband won't let me leave the house or see my friends                 | MODERATE
                I'm suicidal and I don't know who to call                                  | MODERATE
                this is my final message, I'm sorry for everything                        | HIGH
                """)
    void stillFlagsWhatTheFourthPassLookalikesResemble(String text, RiskLevel atLeast) {
        assertThat(level(text)).isGreaterThanOrEqualTo(atLeast);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                my grandad has collapsed in the kitchen and he's not answering me, breathing funny | MEDICAL             | false
                my housemate took loads of her tablets and now i can't wake her              | MEDICAL,THIRD_PARTY | false
                my uncle comes into my room at night when my aunt is asleep                  | ABUSE               | false
                my dad got me by the throat again last night                                  | ABUSE               | false
                he took my passport and now I can't leave, if I get it wrong I get hurt       | ABUSE               | false
                anyone else on here think about killing themselves? asking cos i do          | SUICIDE             | false
                my friend's boyfriend is hitting her again                                   | ABUSE,THIRD_PARTY   | true
                my sister said she wants to die                                               | THIRD_PARTY         | true
                """)
    void routesWhoseRiskItIsToTheRightProtocol(String text, String categories, boolean helper) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isGreaterThanOrEqualTo(RiskLevel.MODERATE);
        java.util.Set<RiskCategory> got = new java.util.HashSet<>();
        for (RiskSignal signal : r.signals()) {
            if (signal.category() != null) {
                got.add(signal.category());
            }
        }
        for (String c : categories.split(",")) {
            assertThat(got).contains(RiskCategory.valueOf(c));
        }
        assertThat(RiskCategory.helperCase(got)).isEqualTo(helper);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                my sister said she wants to die                              | MODERATE
                my friend keeps cutting herself                              | HIGH
                my brother is on the roof and says he will jump              | IMMINENT
                my flatmate just swallowed a whole bottle of her pills       | IMMINENT
                I think my dad is suicidal                                   | MODERATE
                """)
    void givesThirdPartyRiskTheHelperCategoryOnTheSameLadder(String text, RiskLevel expected) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isEqualTo(expected);
        assertThat(r.signals()).extracting(RiskSignal::category).contains(RiskCategory.THIRD_PARTY);
        assertThat(r.signals())
                .extracting(RiskSignal::category)
                .doesNotContain(RiskCategory.SUICIDE, RiskCategory.SELF_HARM);
        assertThat(r.signals()).allSatisfy(s -> assertThat(s.explanation()).startsWith("About someone else"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                I want to hurt him                                   | MODERATE | HARM_TO_OTHERS
                I'm going to stab my boss                            | HIGH     | HARM_TO_OTHERS
                I'm outside her flat with a knife                    | IMMINENT | HARM_TO_OTHERS
                my husband hits me when he drinks                    | HIGH     | ABUSE
                he is breaking the door down and says he'll kill me  | IMMINENT | ABUSE
                I was abused by my uncle as a child                  | MODERATE | ABUSE
                I can't breathe and my chest hurts                   | IMMINENT | MEDICAL
                I accidentally took my tablets twice                 | HIGH     | MEDICAL
                """)
    void coversHarmToOthersAbuseAndMedicalEmergencies(String text, RiskLevel expected, RiskCategory category) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isEqualTo(expected);
        assertThat(r.signals()).extracting(RiskSignal::category).contains(category);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'm gonna kill my brother for eating my chips lol",
                "mum will kill me if I miss the bus",
                "I'm going to murder this pizza"
            })
    void ignoresJokingThreatsWithoutAWeapon(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.NONE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                what's the point of anything                   | LOW
                I want to kill myself                          | MODERATE
                I'm going to kill myself                       | HIGH
                I've been saving up my pills                   | HIGH
                this is my goodbye                             | HIGH
                I took the whole bottle                        | IMMINENT
                I'm on the bridge now                          | IMMINENT
                tonight, I have the rope ready                 | IMMINENT
                I'm going to kill myself, the pills are here   | IMMINENT
                """)
    void followsTheLadderOfTheSpecification(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'm on the bridge now, the traffic is awful",
                "I took the whole bottle of water on my run",
                "bought a gun safe for the hunting rifles",
                "I'm at the bridge club with my gran",
                "this is goodbye to my old job"
            })
    void keepsEverydayUsesOfMethodWordsQuiet(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I want to die, I can't take this anymore, sorry Jenny",
                "I cut myself last night with the razor from the blue box",
                "my sister said she wants to die"
            })
    void explainsSignalsWithoutQuotingTheText(String text) {
        LexicalStage.Result r = result(text);
        assertThat(r.signals()).isNotEmpty();
        for (RiskSignal s : r.signals()) {
            assertThat(s.stage()).isEqualTo("LEXICAL");
            assertThat(s.code()).matches("lexical\\.[a-z_.]+");
            assertThat(s.explanation()).doesNotContainIgnoringCase("jenny").doesNotContain("blue box");
            for (String word : text.toLowerCase(java.util.Locale.ROOT).split("\\W+")) {
                if (word.length() > 6) {
                    assertThat(s.explanation().toLowerCase(java.util.Locale.ROOT))
                            .doesNotContain(word);
                }
            }
        }
    }

    @org.junit.jupiter.api.Test
    void hasAnExplanationForEveryCode() {
        for (String code : LexicalStage.knownCodes()) {
            assertThat(LexicalStage.explain(code)).isNotBlank().doesNotStartWith("A team-written");
            assertThat(LexicalStage.explain(code + ".third_party")).startsWith("About someone else");
        }
    }

    @org.junit.jupiter.api.Test
    void reportsCuesForTheContextRules() {
        assertThat(result("I have pills").cues()).contains(Cue.MEANS);
        assertThat(result("tonight").cues()).contains(Cue.NOW);
        assertThat(result("taking them now").cues()).contains(Cue.ACT);
        assertThat(result("I've written letters to everyone").cues()).contains(Cue.PREPARATION);
        assertThat(result("I feel so hopeless").cues()).contains(Cue.DISTRESS);
        assertThat(result("the weather is nice").cues()).isEmpty();
    }

    // ---- Families fixed from dev misses after the old held-out set joined dev (2026-11-22). ----

    @ParameterizedTest
    @ValueSource(
            strings = {
                "im literally about to do it",
                "I'm going to do it in the next ten minutes",
                "I won't wake up tomorrow, I've made sure of it",
                "i'm about to kill myself and nobody can stop me"
            })
    void readsAnUnnamedActAboutToHappenAsImminent(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.IMMINENT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I'm going to do it on my birthday|HIGH",
                "i'll do it next friday.|HIGH",
                "I'm going to do it on my birthday, a big party!|NONE",
                "I'm about to do it, wish me luck with the driving test|NONE"
            })
    void readsAChosenDayForAnUnnamedActAsAPlanOnlyWhenNothingElseExplainsIt(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"i od on purpose like 20 mins ago", "i od'd an hour ago"})
    void readsSlangOverdoseMadePastAsImminent(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.IMMINENT);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Yesterday I was cutting my arm again with the knife|HIGH",
                "was scratching my legs with a pin this morning|HIGH",
                "I was cutting my hair yesterday and it went wrong|NONE"
            })
    void readsSelfHarmInTheProgressiveFormOnABodyPart(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I keep a razor blade in my wallet in case I decide to end it|HIGH",
                "i carry pills with me in case i ever want to die|HIGH",
                "I keep a first aid kit in the car in case I need it|NONE",
                "what should i do if i ever want to end it|NONE"
            })
    void keepsMeansHeldInCaseOfADecisionAsHighRisk(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "as a GP I see a lot of patients who self harm",
                "we jumped off the bridge into the river, best summer ever",
                "this traffic makes me want to drive into a wall haha"
            })
    void dropsClinicalWorkSharedMemoriesAndJokedAnnoyance(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.NONE);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "I want to drive my car into a wall lol|MODERATE",
                "this job makes me want to kill myself, i have the pills right here lol|HIGH",
                "i'm on the bridge now|IMMINENT"
            })
    void keepsRiskThatOnlyLooksLikeTheDroppedForms(String text, RiskLevel expected) {
        assertThat(level(text)).isGreaterThanOrEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "sometimes I think it'd be easier not to be here at all. like, dead",
                "it would be easier to be dead"
            })
    void readsDeathAsTheEasierWayOutAsIdeation(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.MODERATE);
    }

    // ---- Families broadened by concept from misses on the written-v3 training rows (2026-12-03). ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                I've tied the cord to the banister and I'm writing this so someone finds me     | IMMINENT
                the stool is under the beam now                                                  | IMMINENT
                the hose is taped to the exhaust and the windows are up                          | IMMINENT
                I'm sitting in the garage with the car running                                   | IMMINENT
                dad's old pistol is loaded and on my lap                                         | IMMINENT
                climbing over the barrier on the top floor now                                   | IMMINENT
                standing in the bath with the hairdryer plugged in                               | IMMINENT
                I drank the weedkiller from the shed                                             | IMMINENT
                I've injected the insulin, all of it                                             | IMMINENT
                I'm at the station and I'm going to jump in front of the express when it comes   | IMMINENT
                my pockets are full of stones and I'm at the edge of the quarry                  | IMMINENT
                by the time anyone reads this it will be over                                    | IMMINENT
                ok 💊💊 are in my hand, tonight's the night                                      | IMMINENT
                in an hour I'm going to walk in front of the lorry on the bypass                 | IMMINENT
                """)
    void readsAnActUnderWayByMethodNotByOnePhrasing(String text, RiskLevel expected) {
        assertThat(level(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "planning my sewerslide for friday",
                "I went up the multistorey to see how high it is",
                "I practised with the belt last night",
                "I bought a hosepipe and some duct tape, I know what they're for",
                "I'm going to stop taking my insulin, it'll look natural",
                "got the pills in my drawer, just in case",
                "this is the last message you'll get from me",
                "I don't expect to see christmas",
                "tell my mum it wasn't her fault",
                "my brother keeps giving his stuff away",
                "I gave my cat to my aunt for good today",
                "been googling ways all night",
                "I keep holding the razor and thinking about doing it",
                "he keeps his shotgun in the loft and I know where the key is",
                "I still have the plan and I still have the pills",
                "last night I mixed vodka with my sleeping pills"
            })
    void readsPreparationFarewellsAndMeansByWhatTheyDo(String text) {
        assertThat(level(text)).isGreaterThanOrEqualTo(RiskLevel.HIGH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "everyone would be better off if I wasn't here",
                "if I knew a painless way I'd do it",
                "been having ctb thoughts again",
                "I'm done with being alive",
                "on the motorway I think about not turning the wheel",
                "ngl the sh thoughts r back",
                "the urges are so strong tonight"
            })
    void readsIdeationAndUrgesInEuphemismAndShorthand(String text) {
        assertThat(level(text)).isGreaterThanOrEqualTo(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                I cut way deeper than usual and it won't stop bleeding                  | IMMINENT
                i keep cutting and there's blood everywhere                             | IMMINENT
                yesterday I make cuts on my arm with the kitchen knife                  | HIGH
                I bite my hand until it bleeds                                          | HIGH
                I found cuts on his arm this morning                                    | HIGH
                I'm parked outside her flat with my dad's gun, he's in there right now  | IMMINENT
                I've got petrol and a lighter and I'm outside their house               | IMMINENT
                I'm standing over the baby with a pillow, I don't trust myself          | HIGH
                he said he'll finish me tonight, he's smashing the door                 | IMMINENT
                he's got my little brother locked in the shed and he's screaming        | IMMINENT
                my stepdad comes into my room at night when mum is asleep               | HIGH
                my friend took something and she won't wake up                          | IMMINENT
                my throat is closing and I don't have my epipen                         | IMMINENT
                """)
    void readsSelfHarmThreatsAbuseAndEmergenciesByConcept(String text, RiskLevel expected) {
        assertThat(level(text)).isGreaterThanOrEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "I'm a funeral director, odd job but I love it",
                "kms this wifi is so slow",
                "I want to die, I sent the screenshot to the wrong chat, the cringe",
                "goodbye forever twitter, deleting the app",
                "this is my last day at the company, goodbye everyone",
                "Mum took all her tablets this morning like she's supposed to",
                "I'm on the bridge now, the golden gate, ticking it off the bucket list",
                "I'm going to kill my husband, he's told everyone about the surprise",
                "I could cheerfully strangle the babysitter",
                "if the train is cancelled again I'll lie down on the tracks in protest",
                "reading a memoir by a man who survived jumping from a bridge",
                "my psychology essay is on self-harm prevalence",
                "that line in the song, 'I want to die in your arms', makes me cry",
                "got the rope lights and candles ready for tonight",
                "got some rope from the chandlery for my knots practice",
                "I took the dog to the vet today"
            })
    void keepsHardNegativesOfTheNewFamiliesQuiet(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
                keep thinking about jumping off the car park roof by the station           | HIGH | SUICIDE
                i think about jumping from the flyover every morning on the bus            | HIGH | SUICIDE
                i go down to the harbour wall at night and stare at the drop                | HIGH | SUICIDE
                she told me she's going to jump off the tower block after her results       | HIGH | THIRD_PARTY
                this is my last message from me, you're all better off                      | HIGH | SUICIDE
                I shall not write here again. Thank you for listening to an old man         | HIGH | SUICIDE
                i won't be around to see my niece grow up and i've accepted that            | HIGH | SUICIDE
                wrote the letters this evening, one each for mum and my brother, all sealed | HIGH | SUICIDE
                said goodbye to my best friend today and she didn't know it was goodbye      | HIGH | SUICIDE
                left a note on each of my games saying who gets them after                  | HIGH | SUICIDE
                please tell my sister i'm sorry                                             | HIGH | SUICIDE
                been a good run everyone, look after each other                             | HIGH | SUICIDE
                cleared my phone so nobody needs to see my search history                   | HIGH | SUICIDE
                the van nearly hit me on the road today and honestly i was disappointed it missed me | HIGH | SUICIDE
                driving with no seatbelt, hoping something happens on the bends             | HIGH | SUICIDE
                the gun is upstairs. one shot and it's over                                 | HIGH | SUICIDE
                he showed me where he'd do it, the barn, with his shotgun                   | HIGH | THIRD_PARTY
                the chemist wouldn't sell me two packs so i went to four different pharmacies, got enough now | HIGH | SUICIDE
                tired of living, I have put a date in my diary for it                       | HIGH | SUICIDE
                i tried an overdose in march and now i want to do it properly                | HIGH | SUICIDE
                my uncle keeps his morphine by the bed and says he'll use it on himself      | HIGH | THIRD_PARTY
                she sent me a pic of a noose last night                                     | HIGH | THIRD_PARTY
                just took evrything in the medicin cupboard                                 | IMMINENT | SUICIDE
                made the cuts deeper tonight and there's so much blood                       | IMMINENT | SELF_HARM
                the cuts r gaping this time, do i need stitches                             | HIGH | SELF_HARM
                headbutted the door until my nose bled                                      | HIGH | SELF_HARM
                been scratching my arms with a compass in class                             | HIGH | SELF_HARM
                going to put rat poison in his coffee, I've already bought it               | HIGH | HARM_TO_OTHERS
                the boss locks us inside the workshop at night, we cannot leave             | HIGH | ABUSE
                he keeps our passports and we are not allowed to leave the farm             | HIGH | ABUSE
                if the dinner is cold or wrong, i pay for it later                          | HIGH | ABUSE
                grandad isn't allowed to use the phone anymore and he looks frightened       | HIGH | ABUSE
                I'm 30 weeks pregnant and bleeding heavily, what do I do                    | IMMINENT | MEDICAL
                broke my ankle on the fell and it's getting dark, I can't walk              | IMMINENT | MEDICAL
                no water for three days now, can't stand up                                 | IMMINENT | MEDICAL
                i'm at the top of the quarry now                                            | IMMINENT | SUICIDE
                thinking about jumping off the bridge into the river tonight                | HIGH | SUICIDE
                on the ledge now                                                            | IMMINENT | SUICIDE
                the razor's against my wrist                                                | IMMINENT | SUICIDE
                pills are in. bye                                                           | IMMINENT | SUICIDE
                jumping in five minutes                                                     | IMMINENT | SUICIDE
                done. took them                                                             | IMMINENT | SUICIDE
                finished my note                                                            | HIGH | SUICIDE
                """)
    void readsTheShapesOfTheThirdPassOfMisses(String text, RiskLevel expected, RiskCategory category) {
        LexicalStage.Result r = result(text);
        assertThat(r.level()).isGreaterThanOrEqualTo(expected);
        assertThat(r.signals()).extracting(RiskSignal::category).contains(category);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "if a lorry hit me on the way home I wouldn't mind",
                "honestly if the train crashed I'd be relieved"
            })
    void readsAWishToBeKilledByChanceAsDistress(String text) {
        assertThat(level(text)).isEqualTo(RiskLevel.LOW);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "we're thinking about jumping off the cliff into the sea for fun this summer",
                "we went bungee jumping off a bridge in new zealand",
                "considering the drop in prices, should i buy the laptop now",
                "that's the last message from me today, promise",
                "last post from me for a while, off on holiday",
                "won't be around to see the new neighbours move in, they seem nice",
                "won't be around this weekend, I'm at my mum's",
                "been a good run this season lads, shame about the final",
                "said goodbye to grandad at the hospice, he didn't know it was goodbye, he passed that night",
                "tell her I'm sorry I missed the party",
                "hoping something happens this weekend, so bored",
                "the bus missed me by a minute and I was gutted, late again",
                "put sugar in my husband's tea by mistake, he hates it",
                "went to three different shops for the right birthday card",
                "the kids locked me in the bathroom as a joke",
                "scratching my arm where the mosquito bit me",
                "broke my ankle last year skiing, all healed now",
                "my gums bleed a bit since I got pregnant, midwife says it's normal",
                "if I get the answer wrong in the pub quiz I pay for the next round",
                "wrote thank you notes for everyone at the wedding",
                "a cyclist nearly hit me on the pavement today, so rude",
                "on the roof now fixing the aerial, the view is great",
                "the pills are in the cupboard above the sink",
                "jumping in the pool in five minutes, last swim of the summer",
                "finished my notes for the exam"
            })
    void keepsTheThirdPassQuietOnItsLookAlikes(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    /**
     * The fifth lexical pass (2026-12-07, eighth session): the over-calls of the rules on the hard
     * negatives of written-v10's training rows, in the team's own words, each beside the risk that
     * must still fire.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Client denies any thoughts of suicide and has a safety plan in place.",
                "pt reported self harm urges have eased since the medication change",
                "running a self-harm awareness workshop for the youth club next week",
                "where can I find self-harm training for new teaching assistants?",
                "popped in to collect my nan's prescription on the way home",
                "I collect my repeat prescription on Fridays",
                "I've made up my mind, I'm moving to Leeds in the spring",
                "made my decision about the job, I'm taking the job in Bristol",
                "ok that's my last message for tonight, thanks for listening",
                "my last message for today, off to make dinner",
                "if my brother eats my leftovers again I'll kill him (figuratively, but still)",
                "if anyone ever laid a finger on my daughter I'd go mad",
                "took my blood pressure tablet twice by accident, the pharmacist said it's fine, nothing to worry about"
            })
    void keepsTheFifthPassQuietOnTheOverCallsOfTheWrittenV10Rows(String text) {
        assertThat(level(text)).isLessThan(RiskLevel.MODERATE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            I've made up my mind, I'm doing it tonight                          | IMMINENT
            made up my mind. goodbye                                            | HIGH
            I've made up my mind                                                | HIGH
            this is my last message for tonight and forever                     | HIGH
            my last message. goodbye                                            | HIGH
            I've been collecting my tablets for weeks so I have enough          | HIGH
            I collect my prescription every month and save them up              | HIGH
            I self-harmed again last night                                      | HIGH
            self-harm awareness week made me relapse, I cut myself last night   | HIGH
            I'm a patient on the ward and I want to die                         | MODERATE
            if he touches my daughter again I'll kill him                       | HIGH
            if anyone hurts my kid I'll stab them, the knife is in my bag       | HIGH
            took too many by accident, the pharmacist said it's not safe, go to A&E | HIGH
            """)
    void keepsTheRiskBesideTheFifthPassExclusions(String text, RiskLevel expected) {
        assertThat(level(text)).isGreaterThanOrEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void reportsTheFrameThatCutARiskPhraseOut() {
        assertThat(result("this deadline is killing me").frames()).contains(Frame.IDIOM);
        assertThat(result("I would never hurt myself").frames()).contains(Frame.NEGATED);
        assertThat(result("if I ever felt suicidal, who could I talk to?").frames())
                .contains(Frame.HYPOTHETICAL);
        assertThat(result("my GP asked me if I have thoughts of suicide").frames())
                .contains(Frame.CLINICAL);
        assertThat(result("in the movie the hero kills himself at the end").frames())
                .contains(Frame.MEDIA);
        assertThat(result("my mates say kms every time we lose at fifa").frames())
                .contains(Frame.GAME);
        assertThat(result("I want to die, the cringe").frames()).contains(Frame.IDIOM);
        assertThat(result("the weather is nice").frames()).isEmpty();
        assertThat(result("done.").cues()).contains(Cue.ACT);
    }
}
