package org.hearth.language;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import org.hearth.nlp.Analyzer;
import org.hearth.nlp.SentenceEmbedder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class LanguageIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    SentenceEmbedder embedder;

    @Autowired
    Analyzer analyzer;

    private static RequestPostProcessor as(String role) {
        // The same principal identity's token filter puts in place: a person, or an API key.
        java.util.UUID organization = java.util.UUID.randomUUID();
        org.hearth.identity.Caller caller = role.equals(org.hearth.identity.Role.API_CLIENT_AUTHORITY)
                ? org.hearth.identity.Caller.apiKey(java.util.UUID.randomUUID(), organization)
                : org.hearth.identity.Caller.person(
                        java.util.UUID.randomUUID(),
                        organization,
                        java.util.Set.of(org.hearth.identity.Role.valueOf(role.substring("ROLE_".length()))));
        return authentication(
                new UsernamePasswordAuthenticationToken(caller, null, AuthorityUtils.createAuthorityList(role)));
    }

    @Test
    void sharesOneEmbedderWithTheAnalyzer() {
        org.assertj.core.api.Assertions.assertThat(analyzer.embedder()).isSameAs(embedder);
    }

    @Test
    void analyzesOneTextForAClinician() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze")
                        .with(as("ROLE_CLINICIAN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"I'm going to fail the interview tomorrow, I just know it\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.emotions", hasSize(28)))
                .andExpect(jsonPath("$.emotions[0].label").value("admiration"))
                .andExpect(jsonPath("$.emotions[0].score").isNumber())
                .andExpect(jsonPath("$.emotions[0].present").isBoolean())
                .andExpect(jsonPath("$.ekman", hasSize(7)))
                .andExpect(jsonPath("$.ekman[2].label").value("fear"))
                .andExpect(jsonPath("$.sentiment").value("negative"))
                .andExpect(jsonPath("$.intent").value("venting"))
                .andExpect(jsonPath("$.distortions", hasSize(10)))
                .andExpect(jsonPath("$.distortions[9].label").value("fortune-telling"))
                .andExpect(jsonPath("$.distortions[9].present").value(true));
    }

    @Test
    void analyzesABatchInOrderForAnApiKey() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze/batch")
                        .with(as("ROLE_API_CLIENT"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\":[\"thank you so much, that really helped\",\"hello, good morning\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results", hasSize(2)))
                .andExpect(jsonPath("$.results[0].intent").value("gratitude"))
                .andExpect(jsonPath("$.results[1].intent").value("greeting"))
                .andExpect(jsonPath("$.results[1].emotions", hasSize(28)));
    }

    @Test
    void rejectsBlankTextWithProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze")
                        .with(as("ROLE_SUPERVISOR"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"   \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").exists())
                .andExpect(jsonPath("$.type").exists())
                .andExpect(jsonPath("$.errors.text").value("must not be blank"));
    }

    @Test
    void rejectsABatchOfMoreThan256Texts() throws Exception {
        String texts = String.join(",", Collections.nCopies(257, "\"a line\""));
        mvc.perform(post("/api/v1/nlp/analyze/batch")
                        .with(as("ROLE_ORG_ADMIN"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\":[" + texts + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.texts").exists());
    }

    @Test
    void neverEchoesMemberTextInAnError() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze/batch")
                        .with(as("ROLE_RESPONDER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"texts\":[\"my private diary line about Dana\",\" \"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['texts[1]']").value("must not be blank"))
                .andExpect(content().string(not(containsString("Dana"))));
    }

    @Test
    void refusesMembers() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze")
                        .with(as("ROLE_MEMBER"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"hello\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void refusesAnonymousCallers() throws Exception {
        mvc.perform(post("/api/v1/nlp/analyze")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"hello\"}"))
                .andExpect(status().is(org.hamcrest.Matchers.oneOf(401, 403)));
    }
}
