package org.hearth;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Test
    void runsOnPostgreSql() {
        String version = JdbcClient.create(dataSource)
                .sql("select version()")
                .query(String.class)
                .single();
        assertThat(version).startsWith("PostgreSQL");
    }
}
