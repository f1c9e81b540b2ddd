package dev.activationlab.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import dev.activationlab.ApiSliceTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@ApiSliceTest(value = DatasetController.class)
class DatasetControllerTest {

    @Autowired
    private MockMvcTester mvc;

    @Test
    void catalogueShouldListTheFiveProblemsAndTheFourGates() {
        MvcTestResult result = mvc.get().uri("/api/v1/datasets").exchange();
        assertThat(result).hasStatus(200);
        assertThat(result).bodyJson().extractingPath("$.datasets[*].name").asArray().containsExactly(
                "xor", "circle", "gaussians", "spiral", "moons", "and", "or", "nand", "xor-gate");
    }

    @Test
    void xorGateShouldBeItsTruthTable() {
        MvcTestResult result = mvc.get().uri("/api/v1/datasets/xor-gate").exchange();
        assertThat(result).bodyJson().isStrictlyEqualTo("""
                {"name": "xor-gate", "samples": 4, "noise": 0.0, "seed": 1, "testFraction": 0.0,
                 "inputs": [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], "targets": [[0.0], [1.0], [1.0], [0.0]],
                 "testInputs": [], "testTargets": []}""");
    }

    @ParameterizedTest
    @ValueSource(strings = {"samples=0", "samples=10001", "noise=-0.1", "noise=2", "testFraction=1",
            "testFraction=-0.5", "seed=abc", "noise=NaN"})
    void drawWithAParameterOutOfRangeShouldAnswer400(String query) {
        MvcTestResult result = mvc.get().uri("/api/v1/datasets/spiral?" + query).exchange();
        assertThat(result).hasStatus(400).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void unknownDatasetShouldAnswer404ListingTheNames() {
        MvcTestResult result = mvc.get().uri("/api/v1/datasets/nosuch").exchange();
        assertThat(result).hasStatus(404).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result).bodyJson().extractingPath("$.validNames").asArray().contains("spiral", "xor-gate");
    }

    @Test
    void testFractionShouldHoldTheLastSamplesBack() {
        MvcTestResult result = mvc.get().uri("/api/v1/datasets/circle?samples=10&testFraction=0.25").exchange();
        assertThat(result).bodyJson().extractingPath("$.inputs").asArray().hasSize(8);
        assertThat(result).bodyJson().extractingPath("$.testInputs").asArray().hasSize(2);
        // Sample 8 of the whole draw is the first held back: class 8 mod 2 = 0.
        assertThat(result).bodyJson().extractingPath("$.testTargets[0][0]").isEqualTo(0.0);
    }
}
