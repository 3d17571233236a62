"""Composes train.tsv for the risk head from fragments the team wrote.

Run once from this folder: python3 compose_train.py > train.tsv. The output is committed; this
script documents how it was made. Texts in the dev and held-out sets must never appear here
(RiskDataSetsTests checks it).
"""
import itertools
import random

rnd = random.Random(7)
rows = []


def add(level, texts):
    for t in texts:
        rows.append((level, t))


def combos(level, starts, ends, limit):
    pool = [f"{s} {e}".strip() for s, e in itertools.product(starts, ends)]
    rnd.shuffle(pool)
    add(level, pool[:limit])


# IMMINENT: an attempt under way, means and time at hand, overdose already taken.
combos("IMMINENT",
       ["right now", "tonight", "in a minute", "as we speak", "at this moment", "ok so"],
       ["I've swallowed every tablet I own", "I'm standing at the top of the multistorey car park ready to go",
        "the noose is hanging and I'm about to use it", "I've got the blade on my wrist and I'm going deep",
        "I'm taking the whole packet of pills one by one", "I'm on the railway line waiting",
        "my finger is on the trigger", "I'm climbing over the railing of the bridge"], 40)
add("IMMINENT", [
    "downed the entire box of my meds with wine just now", "I'm in the bath and I've already cut my wrists",
    "took everything in the medicine cabinet, my heart is pounding", "i'm on the ledge of my balcony. letting go soon",
    "this is the end. I've taken them all", "i ate all my sleeping pills and im getting drowsy",
    "the exhaust pipe is hooked up to the car window", "I just overdosed, please don't call anyone",
    "poured the pills into my hand and I'm swallowing them", "sitting on the tracks, the train is coming",
    "i took 50 of my pills", "I swallowed the rat poison", "blade in hand, doing it now",
    "i already took the overdose an hour ago", "I'm about to step off the roof",
    "hanging myself now, sorry", "im jumping tonight and im already up here",
    "my dad is beating my mum right now and he has a knife", "he's choking me right now, help",
    "I am going to stab him right now, I'm at his door", "my friend has just swallowed a bottle of pills in front of me",
    "my sister is unconscious and there are empty pill packets everywhere",
    "I took way too much of my heart medicine and I'm collapsing", "I can't stop the bleeding from my arm",
    "final message. taking it all now", "im gonna kill myself tonight i've got the gun here",
])
# HIGH: method, means, plan, intent, recent self-harm, farewell.
combos("HIGH",
       ["I've decided:", "honestly,", "it's settled,", "I've thought it through and", "so yeah,"],
       ["I'm going to overdose on my tablets next week", "I'll hang myself from the beam in the loft",
        "I've bought the pills I need to end it", "I'll jump from the car park on Saturday",
        "I've been hoarding my prescription to end my life", "I know the exact bridge and the date",
        "I'm going to end my life once the kids are at their dad's"], 30)
add("HIGH", [
    "I sliced my arm open yesterday", "cut my legs again last night", "burned my hand on purpose yesterday",
    "I did it again today, the cutting", "i hurt myself on purpose this morning", "I self harmed a few hours ago",
    "I scratched myself raw last night with a blade", "fresh cuts on my arms from yesterday",
    "I tried to overdose on sunday", "I attempted to hang myself a few days ago", "my attempt last week failed",
    "I wrote my goodbye letters and sealed them", "my farewell note is on the desk",
    "I've sorted out who gets my dog when I'm gone", "these are my last words to you",
    "I'm saying goodbye because I won't be here tomorrow", "I've got a stash of pills for when I'm ready",
    "I searched how to tie a noose", "I've found a gun I can use on myself", "I know how many pills it takes to die",
    "I'm planning my suicide", "i've got a plan to kill myself", "i'm going to take my own life next week",
    "gonna kill myself on my birthday", "i will jump off the bridge tomorrow",
    "ima kms after this weekend for real", "planning to unalive myself friday",
    "I'm going to hurt my ex, I have a knife in the car", "I'm going to burn his house down with him in it",
    "I'm going to shoot my neighbour, I've had enough", "he beats me and says he'll kill me if I tell",
    "my mom's boyfriend touches me when she's at work", "I'm scared to go home, he hits me when he drinks",
    "my carer hits me and takes my money", "my friend told me her plan to kill herself",
    "my brother has pills saved up to end his life", "my girlfriend cut herself really deeply yesterday",
    "I accidentally took a double dose of my insulin and feel shaky",
])
# MODERATE: ideation without plan, urges, self-harm in the past, past attempts.
combos("MODERATE",
       ["lately", "some nights", "honestly", "most days", "ever since the breakup", "tbh"],
       ["I think about killing myself", "I wish I could die", "I want my life to be over",
        "I think about ending my life", "I have thoughts of suicide", "I want to hurt myself",
        "I feel like cutting again", "I think everyone would be better off if I was dead",
        "I don't want to be alive", "I just want to be dead"], 55)
add("MODERATE", [
    "I cut myself for years when I was younger", "I was a self harmer in my twenties",
    "I tried to end my life a decade ago", "I had a suicide attempt in university",
    "I have old self harm scars", "I burned myself as a teenager", "i overdosed once when i was 16",
    "i wanna unalive myself", "i wanna kms so bad", "lowkey wanna die", "want to die lol but not joking",
    "i want 2 die", "i wanna dye", "thinking about suicide again", "suicidal thoughts are back",
    "I'm having dark thoughts about ending it", "I want to stop living", "i want to kill my self",
    "i feel like ending it all", "my life isn't worth living and I think about ending it",
    "I want to hurt someone so badly", "I have urges to harm my kids and I'm terrified",
    "I keep imagining killing my boss", "I was abused by my stepfather as a kid",
    "my partner used to hit me, I left last year", "my best friend keeps talking about wanting to die",
    "my son said he wants to kill himself", "my mum has started self harming",
    "I'm worried my friend is suicidal", "I think I accidentally took too much of my medicine",
])
# LOW: distress, hopelessness, passive wish to not exist.
combos("LOW",
       ["I feel", "I've been feeling", "lately I feel", "I just feel", "honestly I feel"],
       ["hopeless about everything", "like nothing will ever improve", "like a total burden", "completely worthless",
        "empty inside", "like I want to vanish for a while", "like there's no point to anything", "so alone and useless",
        "like everyone would be fine without me", "trapped with no way out"], 50)
add("LOW", [
    "what's even the point anymore", "why do I even bother", "nothing matters", "I give up on everything",
    "I wish I could fade away", "I want to run away and never come back", "I'm done trying",
    "I hate who I am", "i'm useless", "no one would miss me", "I'm so tired of life",
    "i dont see a future", "life has no meaning for me", "I can't cope anymore", "I'm falling apart",
])
# NONE and hard negatives.
combos("NONE",
       ["ugh,", "honestly", "lol", "man,", "today", "tbh"],
       ["this homework is killing me", "I'm dying to go on holiday", "I could kill for a pizza",
        "my legs are killing me", "I nearly died of shame", "I'm dead tired", "this meeting is murder",
        "kill me, it's another Monday", "my phone is about to die", "the queue was to die for... not",
        "I'm bored to tears", "that film killed me, so funny", "my manager will kill me"], 60)
add("NONE", [
    "terminate the process and restart it", "kill the pod and let it restart", "the script died with an error",
    "kill the background job", "the app crashes and dies on startup", "sudo kill the service",
    "I died five times on that level", "we wiped the whole raid", "my character got killed by a goblin",
    "I would never ever hurt myself", "I'm not thinking of suicide", "I don't want to die at all",
    "I'm not going to harm myself", "I've never thought of killing myself", "I would never end my life",
    "no thoughts of hurting myself", "I'm not suicidal", "I'd never hurt anyone",
    "what are the signs someone is suicidal", "how can I help someone who self harms",
    "I'm studying suicide prevention", "we learned about overdose first aid at work",
    "my counsellor asked about self harm and I said I've never done it", "I'm a paramedic, rough shift",
    "the hero dies at the end of the book", "the song is about a girl who wants to disappear",
    "the movie had a suicide scene and I had to look away", "the podcast was about a murder case",
    "my granddad passed away in March", "my hamster died", "my aunt died of cancer",
    "my friend said the test murdered her", "my dad takes pills for his heart", "my mum cut her finger cooking",
    "I'm two years free of self harm", "I feel much better since therapy", "I'm proud of myself today",
    "work was long and boring", "I'm stressed about money", "I'm so tired after the gym",
    "my flatmate never does the dishes", "I'm nervous about my exam", "I'm annoyed at my brother",
    "I cut my hair short", "I cut my thumb opening a can", "I burnt the toast", "I took a paracetamol for my headache",
    "I took my meds this morning", "I picked up my prescription", "I have a rope for the boat",
    "I went up the tower to see the view", "I'm hanging the washing out", "saying goodbye to my old car",
    "I gave my old toys away to my cousins", "I'm writing a card for my friend's leaving do",
    "I'm going to end things with my girlfriend", "I want to end this project", "I ended my gym membership",
    "dying of laughter rn", "I'm deceased lmao", "im dead 💀", "I od'd on chocolate", "he's od funny",
    "the weather is lovely today", "I made a cake", "I went for a run", "thanks for listening",
    "can you remind me of the grounding exercise", "how do I change my password", "good morning",
    "I'm going to the cinema later", "I'm learning to play guitar", "my cat is sleeping on my lap",
])

# More hard negatives, written after the first head flagged everyday and idiomatic text too often.
add("NONE", [
    "the scheduler killed the worker thread", "kill the tab, chrome is frozen", "my code dies on line 40",
    "the pod got OOM killed again", "end the process and free the port", "the database connection died",
    "terminate the instance when the job is done", "the battery on my watch is dead",
    "this level is impossible, I died twenty times", "we got slaughtered in the final round",
    "my villager died in the lava", "headshot! got him", "the boss fight killed me so many times",
    "I'd never do anything to hurt myself, I just need sleep", "I'm not in danger, just lonely tonight",
    "not thinking about dying, just overwhelmed", "I have never wanted to end my life", "no plans to hurt myself",
    "I don't have thoughts of self harm", "I'm safe at home with my partner",
    "we covered self harm in our first aid course", "the lecture was on suicide statistics in Europe",
    "the screening asks if you've had thoughts of death", "I'm a social worker, we handle a lot of crisis calls",
    "my thesis looks at overdose prevention programmes", "we did a module on risk assessment at nursing school",
    "in the film the soldier dies saving his friend", "the song goes on about wanting to die young",
    "the poem is about a woman who drowns herself", "the detective found the body in chapter two",
    "the news was about a shooting in another country", "a documentary about the bridge where people jump",
    "the lyrics say 'I'm on the edge'", "the villain wants to kill everyone in the city",
    "my great aunt passed last week at 96", "our cat had to be put down", "my grandad died when I was small",
    "my friend said her boss is killing her with overtime", "my brother says he's dying for pizza",
    "my mum will murder me for breaking the vase", "my dad takes tablets for his cholesterol",
    "I cut the cake at the party", "I burned the rice again", "I took my inhaler and feel better",
    "I'm taking the kids to the park", "I'm on the train home now", "I'm on the roof terrace having a coffee",
    "we're at the bridge waiting for the fireworks", "I'm standing at the bus stop in the rain",
    "I'm going to jump in the shower", "I'm going to hang the curtains tonight", "I packed the rope for the climb",
    "I'm going away tonight, see you next week", "goodbye for today, thanks for the chat",
    "I'm writing letters to my pen pals", "I'm giving away my old furniture before the move",
    "I decided to quit my job", "I've made up my mind to move to Berlin", "I have a plan for the exam",
    "my flight is tonight, I'm ready to go", "I've been saving for a car", "I keep my vitamins in the kitchen",
    "I'm so tired after work", "work drained me today", "my manager criticised my report",
    "I'm annoyed that my friends cancelled", "I'm bored", "I'm frustrated with my landlord",
    "I had a rough day but I'm okay", "my exam went badly but I'll resit", "I feel a bit down today",
    "I'm worried about money", "I had a panic attack on the bus but it passed", "I'm grumpy because I slept badly",
    "haha I'm dead tired", "lol this is killing me", "my legs are dead after leg day", "this song kills",
    "ugh kill me, maths test tomorrow", "I'm literally dying, this is so funny",
])

seen = set()
print("level\ttext")
for level, text in rows:
    if text in seen:
        continue
    seen.add(text)
    print(f"{level}\t{text}")
