package org.controlroom.lesson.script;

import java.util.Optional;

/**
 * One take of a phrase: a recording (an asset), or a take generated from the phrase's melody with flaws
 * at known amounts ({@code recipe}; its asset is then empty).
 */
public record Take(String id, AssetSource asset, Optional<TakeRecipe> recipe) {

    public Take(String id, AssetSource asset) {
        this(id, asset, Optional.empty());
    }

    public boolean generated() {
        return recipe.isPresent();
    }
}
